"""Times in the reviewer's zone, named, from the register's UTC and e-mails' offsets."""

from __future__ import annotations

from datetime import datetime, timezone

from extractor.review.times import reviewer_zone, shown_date, shown_time

UTC_MORNING = datetime(2026, 3, 2, 8, 15, tzinfo=timezone.utc)


def test_a_time_is_shown_in_the_reviewers_zone_with_its_name() -> None:
    assert shown_time(UTC_MORNING, "Europe/Berlin") == "2026-03-02 09:15 CET"
    assert shown_time(UTC_MORNING, "America/Chicago") == "2026-03-02 02:15 CST"
    assert shown_time(UTC_MORNING) == "2026-03-02 08:15 UTC"


def test_an_e_mails_own_offset_is_converted_not_dropped() -> None:
    """The card had shown the sender's clock ("2026-03-02 09:15") as if it were the reader's."""
    sent = "2026-03-02T09:15:00+01:00"
    assert shown_time(sent, "Asia/Kolkata") == "2026-03-02 13:45 IST"
    assert shown_time(sent, None) == "2026-03-02 08:15 UTC"


def test_summer_time_and_the_day_change_follow_the_zone() -> None:
    late = datetime(2026, 7, 1, 23, 30, tzinfo=timezone.utc)
    assert shown_time(late, "Europe/Berlin") == "2026-07-02 01:30 CEST"
    assert shown_date(late, "Europe/Berlin") == "2026-07-02"
    assert shown_date(late, None) == "2026-07-01"


def test_naive_times_are_utc_and_odd_input_passes_through() -> None:
    assert shown_time(datetime(2026, 3, 2, 8, 15), "Europe/Berlin") == "2026-03-02 09:15 CET"
    assert shown_time("yesterday", "Europe/Berlin") == "yesterday"
    assert shown_time(None) == "" and shown_date("") == ""
    assert reviewer_zone("Not/AZone") == timezone.utc
    assert reviewer_zone("../../etc/passwd") == timezone.utc
