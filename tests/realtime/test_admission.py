"""Admission control's bound and its retry hints (realtime/admission.py), on a clock the test moves:
connects are admitted up to the bound and while few reads wait for the pool, refused above either
and admitted again below; the refused are given retry slots one after another at the rate connects
get through (the bound over the measured time a connect takes), none past the window's end."""

from __future__ import annotations

import pytest

from realtime.admission import Admission


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def made(clock: Clock, *, connecting: int = 4, reads: int = 10, longest: float = 30) -> Admission:
    return Admission(
        max_connecting=connecting, max_queued_reads=reads, retry_max_seconds=longest, clock=clock
    )


def test_admits_up_to_the_bound_refuses_above_it_and_admits_again_below_it(clock):
    admission = made(clock, connecting=2)
    assert admission.admit("a", 0) is None and admission.admit("b", 0) is None
    assert isinstance(admission.admit("c", 0), int)  # the third, while two are in flight
    admission.done("a", measured=False)
    assert admission.admit("c", 0) is None
    assert (admission.connecting, admission.admitted, admission.refused) == (2, 3, 1)


def test_refuses_while_the_read_pool_has_as_many_reads_waiting_as_its_bound(clock):
    admission = made(clock, reads=10)
    assert isinstance(admission.admit("a", 10), int)
    assert admission.admit("a", 9) is None


def test_refused_clients_get_one_slot_each_at_the_measured_rate_after_the_connects_in_flight(clock):
    admission = made(clock, connecting=4)
    for n in range(4):
        admission.admit(n, 0)
    clock.now += 0.4  # every admitted connect took 0.4 s: the average moves towards it
    for n in range(4):
        admission.done(n, measured=True)
    seconds = admission.connect_seconds
    assert 0.05 < seconds < 0.4
    for n in range(4):
        admission.admit(n, 0)
    slot = seconds / 4  # four connects at a time, each taking ``seconds``
    hints = [admission.admit("refused", 0) for _ in range(40)]
    for n, hint in enumerate(hints):  # the n-th refused one: within its own slot, after those in flight
        assert 1000 * (seconds + n * slot) - 1 <= hint <= 1000 * (seconds + (n + 1) * slot)
    assert admission.refused == 40


def test_a_burst_not_yet_welcomed_spreads_the_refused_by_how_long_its_oldest_connect_has_waited(clock):
    admission = made(clock, connecting=4)
    for n in range(4):
        admission.admit(n, 0)
    clock.now += 2.0  # none welcomed yet: the measured average (0.05 s) says nothing about now
    hints = [admission.admit("refused", 0) for _ in range(8)]
    assert all(2000 <= hint <= 2000 + 8 * 500 for hint in hints)  # slots of 2 s / 4, after 2 s
    assert hints == sorted(hints)
    admission.done(0, measured=False)  # a connect that ended unwelcomed measures nothing
    assert admission.connect_seconds == pytest.approx(0.05)


def test_no_hint_is_past_the_window_and_a_full_window_spreads_the_rest_over_its_second_half(clock):
    admission = made(clock, connecting=1, longest=2)
    admission.admit("in flight", 0)
    # 50 ms slots: 39 fit in the 2 s after the first 50 ms.
    hints = [admission.admit("refused", 0) for _ in range(200)]
    assert all(0 <= hint <= 2000 for hint in hints)
    assert hints[:39] == sorted(hints[:39])
    assert all(1000 <= hint <= 2000 for hint in hints[39:])
    assert len({hint // 100 for hint in hints[39:]}) >= 8  # spread, not all at one time
