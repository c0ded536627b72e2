"""The CLI's allocator settings (nerlibya/cli/allocator.py): never an error, and the user's own settings win."""

import platform

import pytest

from nerlibya.cli import allocator


@pytest.mark.parametrize("name", allocator.USER_SETTINGS)
def test_a_user_setting_is_left_alone(monkeypatch, name):
    monkeypatch.setenv(name, "65536")
    assert allocator.keep_freed_memory() is False


def test_glibc_takes_both_thresholds(monkeypatch):
    for name in allocator.USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    taken = allocator.keep_freed_memory()
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert taken is True
    else:
        assert taken in (True, False)


def test_without_mallopt_nothing_is_set(monkeypatch):
    for name in allocator.USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)

    class NoMallopt:
        def __init__(self, name):
            pass

    monkeypatch.setattr(allocator.ctypes, "CDLL", NoMallopt)
    assert allocator.keep_freed_memory() is False
