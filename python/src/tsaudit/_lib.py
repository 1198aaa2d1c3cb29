"""The C API of libtsaudit (src/api/tsaudit.h), declared for ctypes.

The shared library is installed next to this module by the wheel. The
environment variable TSAUDIT_LIBRARY may name another copy (a build tree's
``build/libtsaudit.so.0``), which is how the repository's tests can run the
package against a fresh build.

ctypes releases the GIL for the duration of every call into the library, so
other Python threads run while a configuration or an estate is assessed.
"""

from __future__ import annotations

import ctypes
import os
from ctypes import POINTER, Structure, c_char_p, c_int, c_size_t, c_uint, c_void_p
from pathlib import Path

SONAME = "libtsaudit.so.0"
API_VERSION = 1


class Result(Structure):
    """struct tsa_result."""

    _fields_ = [
        ("check", c_char_p),
        ("verdict", c_char_p),
        ("severity", c_char_p),
        ("message", c_char_p),
        ("remediation", c_char_p),
        ("nevidence", c_size_t),
    ]


def _find() -> str:
    override = os.environ.get("TSAUDIT_LIBRARY")
    if override:
        return override
    here = Path(__file__).resolve().parent / SONAME
    if here.exists():
        return str(here)
    return SONAME  # the system's, e.g. after 'cmake --install'


def _declare(lib: ctypes.CDLL) -> None:
    ctx, dev, est = c_void_p, c_void_p, c_void_p
    size_p = POINTER(c_size_t)
    protos = {
        "tsa_version": (c_char_p, []),
        "tsa_api_version": (c_int, []),
        "tsa_context_new": (ctx, []),
        "tsa_context_free": (None, [ctx]),
        "tsa_context_load_profile": (c_int, [ctx, c_char_p]),
        "tsa_context_load_profile_text": (c_int, [ctx, c_char_p, c_char_p, c_size_t]),
        "tsa_context_load_attestations": (c_int, [ctx, c_char_p]),
        "tsa_context_load_rules": (c_int, [ctx, c_char_p]),
        "tsa_context_set_as_of": (c_int, [ctx, c_char_p]),
        "tsa_context_set_tier": (c_int, [ctx, c_int]),
        "tsa_context_set_show_secrets": (None, [ctx, c_int]),
        "tsa_context_errors": (c_char_p, [ctx]),
        "tsa_assess_text": (dev, [ctx, c_char_p, c_size_t, c_char_p, c_char_p]),
        "tsa_assess_file": (dev, [ctx, c_char_p, c_char_p]),
        "tsa_device_free": (None, [dev]),
        "tsa_device_status": (c_int, [dev]),
        "tsa_device_dialect": (c_char_p, [dev]),
        "tsa_device_hostname": (c_char_p, [dev]),
        "tsa_device_not_audited_reason": (c_char_p, [dev]),
        "tsa_device_diagnostics": (c_char_p, [dev]),
        "tsa_device_result_count": (c_size_t, [dev]),
        "tsa_device_result": (c_int, [dev, c_size_t, POINTER(Result)]),
        "tsa_device_evidence": (c_int, [dev, c_size_t, c_size_t, POINTER(c_uint),
                                        POINTER(c_char_p)]),
        # JSON texts are read with their length (ctypes.string_at), not as C strings.
        "tsa_device_json": (c_void_p, [dev, size_p]),
        "tsa_device_results_json": (c_void_p, [dev, size_p]),
        "tsa_device_facts_json": (c_void_p, [dev, size_p]),
        "tsa_checks_json": (c_void_p, [ctx, size_p]),
        "tsa_scan": (est, [ctx, POINTER(c_char_p), c_size_t, c_int, POINTER(c_char_p), c_size_t]),
        "tsa_estate_free": (None, [est]),
        "tsa_estate_status": (c_int, [est]),
        "tsa_estate_json": (c_void_p, [est, size_p]),
        "tsa_estate_diagnostics": (c_char_p, [est]),
    }
    for name, (restype, argtypes) in protos.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes


def _load() -> ctypes.CDLL:
    path = _find()
    lib = ctypes.CDLL(path)
    _declare(lib)
    level = lib.tsa_api_version()
    if level < API_VERSION:
        raise ImportError(f"{path} has API level {level}; this package needs {API_VERSION}")
    return lib


lib = _load()


def text_of(fn, handle) -> bytes:
    """A (pointer, length) text of the library, e.g. tsa_device_json()."""
    n = c_size_t(0)
    p = fn(handle, ctypes.byref(n))
    return ctypes.string_at(p, n.value) if p else b""


def cstr_array(items: list[str]):
    """A C array of UTF-8 strings (kept alive by the caller)."""
    enc = [s.encode() for s in items]
    arr = (c_char_p * max(1, len(enc)))(*enc)
    return arr, len(enc)
