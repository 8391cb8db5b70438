import Foundation
import ShopTestSupport
import StorefrontAPI
import Synchronization
import Testing

@testable import ShopCore

/// A catalog cache in memory: every page saved to it.
final class MemoryCatalogCache: CatalogCache {
    private let storage = Mutex<[SavedCatalog]>([])

    var saves: [SavedCatalog] { storage.withLock { $0 } }

    func save(_ catalog: SavedCatalog) async {
        storage.withLock { $0.append(catalog) }
    }
}

/// Stale-while-revalidate: the page an earlier run saved is shown at start, marked, until the store answers.
@MainActor @Suite struct SavedCatalogTests {
    nonisolated static let categories = [Category(id: "k1", name: "Kettles", slug: nil)]
    /// Yesterday's page: a kettle at ₹1.
    nonisolated static let saved = SavedCatalog(
        products: [Fixtures.product("kettle", price: 1), Fixtures.product("gone", price: 2)], totalRecords: 40,
        categories: categories)

    func store(_ api: StubAPI, cache: MemoryCatalogCache, state: State = State()) -> TestStore {
        TestStore(
            state: state,
            environment: ShopEnvironment(api: api, clock: TestClock(), policy: .test, catalogCache: cache))
    }

    func guestAPI(_ page: ProductsPage) -> StubAPI {
        StubAPI {
            $0.session = { _ in Fixtures.guest }
            $0.products = { _ in page }
            $0.categories = { _ in try! Fixtures.decode(#"{"categories":[{"id":"k1","name":"Kettles"}]}"#) }
        }
    }

    @Test func theSavedPageIsShownMarkedThenReplacedByTheAnswerWhichIsSaved() async throws {
        let page = try Fixtures.productsPage(["kettle", "toaster"], next: nil)
        let cache = MemoryCatalogCache()
        let store = store(guestAPI(page), cache: cache)
        // The front end sends the page it read with `.appStarted`, before any answer.
        await store.send(.catalog(.view(.savedCopyRead(Self.saved)))) {
            $0.catalog.products = Self.saved.products
            $0.catalog.totalRecords = 40
            $0.catalog.categories = Self.categories
            $0.catalog.showsSavedCopy = true
        }
        await store.send(.appStarted) {
            $0.session = .starting
            $0.inFlight = [.session]
        }
        await store.receive(.session(.response(.startedAsNewGuest(Fixtures.guest)))) {
            $0.session = .ready(Fixtures.guest)
            $0.inFlight = [.products, .categories]
            $0.catalog.isLoading = true
            $0.cart.isLoaded = true
        }
        await store.receive(.catalog(.response(.pageLoaded(page: 1, products: page.products, nextPage: nil, total: 2))))
        {
            $0.inFlight = [.categories]
            $0.catalog.isLoading = false
            $0.catalog.products = page.products
            $0.catalog.nextPage = nil
            $0.catalog.totalRecords = 2
            $0.catalog.showsSavedCopy = false
        }
        await store.receive(.catalog(.response(.categoriesLoaded(Self.categories)))) { $0.inFlight = [] }
        await store.finish()
        // The store's page is what the next start shows (saved again once the categories came).
        #expect(cache.saves.last == SavedCatalog(products: page.products, totalRecords: 2, categories: Self.categories))
        #expect(cache.saves.allSatisfy { $0.products == page.products })
    }

    @Test func aCopyReadAfterTheAnswerIsDroppedAndACategoryPageIsNotSaved() async throws {
        let page = try Fixtures.productsPage(["kettle"], next: 2)
        var state = State()
        state.catalog.products = page.products
        state.catalog.nextPage = 2
        state.catalog.categoryID = "k1"
        let cache = MemoryCatalogCache()
        let store = store(StubAPI(), cache: cache, state: state)
        await store.send(.catalog(.view(.savedCopyRead(Self.saved))))
        await store.send(.catalog(.response(.pageLoaded(page: 1, products: page.products, nextPage: 2, total: 1)))) {
            $0.catalog.totalRecords = 1
        }
        await store.finish()
        #expect(cache.saves.isEmpty)
    }

    @Test func whenTheStoreFailsTheSavedCopyStaysAndNothingIsSaved() async {
        let api = StubAPI { $0.session = { _ throws(APIError) in throw .network("offline") } }
        let cache = MemoryCatalogCache()
        let store = store(api, cache: cache)
        await store.send(.catalog(.view(.savedCopyRead(Self.saved)))) {
            $0.catalog.products = Self.saved.products
            $0.catalog.totalRecords = 40
            $0.catalog.categories = Self.categories
            $0.catalog.showsSavedCopy = true
        }
        await store.send(.appStarted) {
            $0.session = .starting
            $0.inFlight = [.session]
        }
        await store.receive(.session(.response(.startFailed(.network("offline"))))) {
            $0.inFlight = []
            $0.session = .failed(.network("offline"))
            $0.notice = Notice(.error, APIError.network("offline").message)
        }
        // Steps down the saved list do not ask for a next page of it.
        await store.send(.moveSelection(by: 1)) {
            $0.catalog.selectedIndex = 1
            $0.notice = nil  // a notice ends with the next action (issue #14 item 14)
        }
        await store.finish()
        #expect(cache.saves.isEmpty)
    }

    @Test func aProductOpenedFromTheSavedCopyIsReadAndTheCartHasTheStoresPrice() async {
        // The saved page says ₹1; the store says ₹700 now: the product page and the cart line are the store's.
        let now = Fixtures.product("kettle", price: 700)
        let api = StubAPI {
            $0.product = { _ in now }
            $0.setItem = { input in Fixtures.cart([Fixtures.item("kettle", quantity: input.1.quantity, price: 700)]) }
        }
        var state = memberState(cart: Fixtures.cart([]))
        state.catalog.products = Self.saved.products
        state.catalog.showsSavedCopy = true
        let store = store(api, cache: MemoryCatalogCache(), state: state)
        await store.send(.select) {
            $0.route = [.catalog, .product(id: "kettle")]
            $0.product.id = "kettle"
            $0.inFlight = [.product]
        }
        await store.receive(.product(.response(.loaded(now, variants: [])))) {
            $0.product.product = now
            $0.inFlight = []
        }
        let line = Fixtures.line("kettle")
        let preview = CartItem(
            productId: "kettle", variantId: nil, productName: "Product kettle", quantity: 1,
            sellingPrice: Fixtures.rupees(700))
        await store.send(.product(.view(.addToCart))) {
            $0.notice = Notice(.success, "Added Product kettle to the cart.")
            $0.cart.pending[line] = PendingLine(quantity: 1, preview: preview)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(line, 1))
            $0.inFlight = [.cart]
        }
        let answered = Fixtures.cart([Fixtures.item("kettle", quantity: 1, price: 700)])
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, answered)))) {
            $0.cart.server = answered
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        #expect(store.state.cartAmount == Fixtures.rupees(700))
        await store.finish()
    }
}

/// The file behind the cache: one per store, its format checked.
@Suite struct CatalogCacheFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sf-catalog-\(UUID().uuidString)")

    @Test func aSavedPageIsReadBackByTheSameStoreOnly() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let mine = CatalogCacheFile(directory: directory, storeID: "store-1", baseURL: "https://a.example/api/v1")
        await mine.save(SavedCatalogTests.saved)
        #expect(mine.load() == SavedCatalogTests.saved)
        // Another store id, or the same id at another base URL: another file, nothing to read.
        let otherID = CatalogCacheFile(directory: directory, storeID: "store-2", baseURL: "https://a.example/api/v1")
        let otherURL = CatalogCacheFile(directory: directory, storeID: "store-1", baseURL: "https://b.example/api/v1")
        #expect(Set([mine.fileURL, otherID.fileURL, otherURL.fileURL]).count == 3)
        #expect(otherID.load() == nil)
        #expect(otherURL.load() == nil)
        // A file that names another store (copied or renamed over this one) is not used either.
        try FileManager.default.copyItem(at: mine.fileURL, to: otherURL.fileURL)
        #expect(otherURL.load() == nil)
    }

    @Test func aCorruptOrOtherVersionFileIsIgnoredAndReplacedByTheNextSave() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = CatalogCacheFile(directory: directory, storeID: "sandbox", baseURL: "sandbox:/tmp/x.sqlite")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("{\"version\":1,\"storeID\":\"sandbox\",".utf8).write(to: cache.fileURL)
        #expect(cache.load() == nil)
        await cache.save(SavedCatalogTests.saved)
        #expect(cache.load() == SavedCatalogTests.saved)
        // The same contents under an older format version.
        let text = try String(contentsOf: cache.fileURL, encoding: .utf8)
        let old = text.replacingOccurrences(
            of: "\"version\":\(CatalogCacheFile.version)", with: "\"version\":\(CatalogCacheFile.version - 1)")
        #expect(old != text)
        try Data(old.utf8).write(to: cache.fileURL)
        #expect(cache.load() == nil)
        // No temporary file is left behind by the saves.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names == [cache.fileURL.lastPathComponent])
    }

    @Test func theFolderIsTheXDGCacheHome() {
        #expect(
            CatalogCacheFile.directory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).path == "/c/storefront")
        #expect(CatalogCacheFile.directory(environment: ["HOME": "/h"]).path == "/h/.cache/storefront")
    }
}
