#!/usr/bin/env bash
# Requests sent for the scripted journey of the TUI issue (the steps of Tests/EndToEndTests/JourneyTests.swift),
# in tmux at 80x24 on a new sandbox: counted from the app's request log (--log), grouped by step.
source "$(dirname "$0")/lib.sh"
WORK="$(mktemp -d)"
SOCK="sf-bench-$$"
T=(tmux -L "$SOCK" -f /dev/null)
trap '"${T[@]}" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
LOG="$WORK/requests.log"
"${T[@]}" new-session -d -s j -x 80 -y 24 \
  "env XDG_DATA_HOME=$WORK/data XDG_STATE_HOME=$WORK/state TERM=tmux-256color LANG=C.UTF-8 $BIN --log $LOG; sleep 600"
screen() { "${T[@]}" capture-pane -p -t j; }
wait_for() { # TEXT: up to 60 s
  for _ in $(seq 1 600); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
  echo "journey: no \"$1\" on screen:" >&2; screen >&2; exit 1
}
send() { "${T[@]}" send-keys -t j "$@"; }
mark=0
step() { # NAME: requests since the last step
  sleep 0.5 # answers still in flight belong to the step before
  local n; n=$(grep -cE ' (GET|POST|PUT|DELETE|PATCH) /' "$LOG" || true)
  printf '  %-28s %2d  %s\n' "$1" $((n - mark)) \
    "$(sed -n "$((mark + 1)),${n}p" "$LOG" | grep -oE '(GET|POST|PUT|DELETE|PATCH) /[^ ]* [0-9-]+' |
      sed -E 's#/[0-9A-Z]{26}#/{id}#g' | tr '\n' ',' | sed 's/,$//; s/,/, /g')"
  mark=$n
}
{
  machine_note
  echo "journey on a new sandbox (requests per step: count, then method path status)"
  wait_for "₹"; wait_for "guest"; step "start (catalog, guest)"
  send Enter; wait_for "add to cart"; step "open product 1"
  send Enter; wait_for "1 item"; step "add product 1"
  send Escape; wait_for "/ search"; send j; send Enter; wait_for "add to cart"; step "back, open product 2"
  # Two of the second product, so that the cart reaches WELCOME10's minimum after the Grocery promotion.
  send +; sleep 0.3; send Enter; wait_for "3 items"; step "add product 2 (quantity 2)"
  send Escape; wait_for "/ search"; send j; send Enter; wait_for "s save"; step "back, open product 3"
  send s; sleep 1; step "save to wishlist"
  send w; wait_for "to cart"; step "open wishlist"
  send l; wait_for "Log in or create an account"; step "open login"
  send -l 9876543210; send Enter; wait_for "sandbox OTP:"; step "request OTP"
  otp=$(screen | grep -oE 'sandbox OTP: [0-9]{6}' | grep -oE '[0-9]{6}')
  send -l "$otp"; send Enter; wait_for "Demo Customer"; step "verify OTP (log in, merge)"
  send c; wait_for "p coupons"; step "open cart"
  send p; wait_for "e type code"; step "open coupons"
  send e; send -l WELCOME10; send Enter; wait_for "coupon WELCOME10"; step "apply coupon"
  send g; send -l GIFT250; send Enter; wait_for "gift card GIFT250"; step "apply gift card"
  send Escape; wait_for "enter checkout"; step "back to cart"
  send Enter; wait_for "12 MG Road"; step "checkout: addresses"
  send Enter; wait_for "ctrl-s skip"; step "choose address"
  send C-s; wait_for "We deliver to PIN code"; step "skip business details"
  send Enter; wait_for "place order"; step "delivery option -> review"
  send Enter; wait_for "Pay in your browser"; step "place order (payment link)"
  order=$(screen | grep -oE 'Order [A-Za-z0-9-]+' | head -n1 | cut -d' ' -f2)
  "$BIN" sandbox pay "$order" --db "$WORK/data/storefront/sandbox.sqlite" >/dev/null
  wait_for "Payment received"; step "paid (from outside)"
  total=$(grep -cE ' (GET|POST|PUT|DELETE|PATCH) /' "$LOG")
  echo "  total                        $total"
  send q
} | tee "$RESULTS/journey.txt"
