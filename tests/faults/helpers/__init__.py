"""Helpers of the fault tests, shared with bench/faults.py."""
