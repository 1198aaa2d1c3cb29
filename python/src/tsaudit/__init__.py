"""tsaudit: audit network device configurations against the UK Telecommunications
Security Code of Practice, in process, with tsaudit's C core.

    >>> import tsaudit
    >>> dev = tsaudit.audit_text(running_config, dialect="cisco-ios")
    >>> [r.check for r in dev.results if r.verdict == "fail"]
    ['MGMT-TELNET', 'SNMP-V1V2', ...]

The results are those of the ``tsaudit`` command: the same checks, verdicts,
messages and evidence as its JSON report (``docs/report.schema.json``), with
secrets redacted as ``<redacted:TYPE>`` unless ``show_secrets=True``.
See docs/python.md in the repository.
"""

from __future__ import annotations

import ctypes
import json
import os
import threading
from dataclasses import dataclass
from typing import (Any, Callable, Dict, Iterable, Iterator, List, Mapping, NamedTuple,
                    Optional, Sequence, Tuple, Union)

from . import _lib

__all__ = [
    "__version__",
    "audit_text",
    "audit_file",
    "scan",
    "checks",
    "Context",
    "Profile",
    "DeviceResult",
    "EstateResult",
    "Result",
    "Evidence",
    "Diagnostic",
    "TsauditError",
    "ProfileError",
    "InputError",
    "DIALECTS",
    "VERDICTS",
]

__version__: str = _lib.lib.tsa_version().decode()

PathLike = Union[str, "os.PathLike[str]"]

#: Dialect names accepted by ``dialect=`` (those of ``tsaudit detect``).
DIALECTS: Tuple[str, ...] = (
    "cisco-ios", "cisco-nxos", "cisco-iosxr", "cisco-asa", "arista-eos",
    "juniper-junos", "nokia-sros", "huawei-vrp", "fortinet-fortios",
    "aws", "azure", "gcp", "terraform",
)
#: Every verdict a result can carry.
VERDICTS: Tuple[str, ...] = ("pass", "fail", "not_applicable", "unknown", "needs_context", "waived")

_STATUS = {0: "ok", 1: "partial", 2: "unreadable", 3: "not_audited", 4: "excluded"}

# ------------------------------------------------------------------ errors


@dataclass(frozen=True)
class Diagnostic:
    """One ``file:line: level: message`` diagnostic (line 0: the file as a whole)."""

    file: str
    line: int
    level: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"

    @classmethod
    def parse_all(cls, text: str) -> List["Diagnostic"]:
        """Split the library's diagnostic lines (``path[:line[:col]]: level: msg``)."""
        out = []
        for ln in text.splitlines():
            for level in ("error", "warning", "note"):
                sep = f": {level}: "
                i = ln.find(sep)
                if i < 0:
                    continue
                where, msg = ln[:i], ln[i + len(sep):]
                parts = where.split(":")
                nums = []
                while len(parts) > 1 and parts[-1].isdigit():
                    nums.insert(0, int(parts.pop()))
                out.append(cls(":".join(parts), nums[0] if nums else 0, level, msg))
                break
            else:
                if ln.strip():
                    out.append(cls("tsaudit", 0, "error", ln))
        return out


class TsauditError(Exception):
    """An input tsaudit could not use; ``diagnostics`` says where and why.

    ``str(err)`` is the diagnostics, one ``file:line: error: message`` a line.
    """

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()):
        self.diagnostics: List[Diagnostic] = list(diagnostics)
        text = "\n".join(str(d) for d in self.diagnostics) or message
        super().__init__(text)


class ProfileError(TsauditError):
    """A profile, attestations or rules file with errors."""


class InputError(TsauditError):
    """A configuration that could not be read, or an unknown dialect name."""


# ----------------------------------------------------------------- results


_new = tuple.__new__


class Evidence(NamedTuple):
    """A configuration line behind a verdict (its text redacted of secrets)."""

    line: int
    text: str


class Result(NamedTuple):
    """One check's verdict on one device."""

    check: str
    verdict: str
    severity: str
    message: str
    evidence: Tuple[Evidence, ...] = ()
    measures: Tuple[str, ...] = ()
    title: str = ""
    category: str = ""
    remediation: Optional[str] = None
    waiver: Optional[Dict[str, Any]] = None
    # A fail without evidence: {"line", "section"} of where the missing
    # setting belongs (section None: top level). Not evidence.
    anchor: Optional[Dict[str, Any]] = None

    @property
    def failed(self) -> bool:
        return self.verdict == "fail"

    @property
    def passed(self) -> bool:
        return self.verdict == "pass"

    def __str__(self) -> str:
        lines = ", ".join(str(e.line) for e in self.evidence)
        at = f" [lines {lines}]" if lines else ""
        return f"{self.check}: {self.verdict} ({self.severity}) {self.message}{at}"

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Result":
        """From a result object of the JSON report."""
        ev = d.get("evidence")
        return cls(d["check"], d["verdict"], d["severity"], d.get("message") or "",
                   tuple(Evidence(e["line"], e["text"]) for e in ev) if ev else (),
                   tuple(d.get("measures") or ()), d.get("title") or "",
                   d.get("category") or "", d.get("remediation"), d.get("waiver"),
                   d.get("anchor"))

    @classmethod
    def _from_compact(cls, d: Mapping[str, Any], check: "_Check", dialect: str) -> "Result":
        """From a compact result (tsa_device_results_json) and its check.
        (tuple.__new__ directly: this runs for every result of every device.)"""
        ev = d["evidence"]
        rem = d["remediation"] if "remediation" in d else check.remediation.get(dialect)
        return _new(cls, (d["check"], d["verdict"], check.severity, d["message"] or "",
                          tuple([_new(Evidence, (e["line"], e["text"])) for e in ev]) if ev else (),
                          check.measures, check.title, check.category, rem, d.get("waiver"),
                          d.get("anchor")))

    def to_dict(self) -> Dict[str, Any]:
        """The result as in the JSON report."""
        d: Dict[str, Any] = {
            "check": self.check, "title": self.title, "category": self.category,
            "verdict": self.verdict, "severity": self.severity, "message": self.message,
            "evidence": [{"line": e.line, "text": e.text} for e in self.evidence],
            "remediation": self.remediation, "measures": list(self.measures),
        }
        if self.anchor is not None:
            d["anchor"] = self.anchor
        if self.waiver is not None:
            d["waiver"] = self.waiver
        return d


class _Check(NamedTuple):
    """A check's text as the library's check table has it."""

    title: str
    category: str
    severity: str
    measures: Tuple[str, ...]
    remediation: Dict[str, Optional[str]]


_checks: Dict[str, _Check] = {}
_checks_lock = threading.Lock()


def _check_table(ctx: int, wanted: Iterable[str]) -> Dict[str, _Check]:
    """The process's check table, read again when a check is new to it (rules)."""
    with _checks_lock:
        if any(c not in _checks for c in wanted):
            for c in json.loads(_lib.text_of(_lib.lib.tsa_checks_json, ctx)):
                _checks[c["check"]] = _Check(c["title"] or "", c["category"] or "",
                                             c["severity"], tuple(c["measures"]),
                                             c["remediation"])
        return _checks


class DeviceResult:
    """One device's assessment: its dialect, the result of every check, its facts.

    ``results`` holds one :class:`Result` per check, in the order of
    ``tsaudit checks``; ``result("MGMT-TELNET")`` finds one by id.
    ``facts`` is the extracted security model (as ``tsaudit facts``
    prints it), computed on first use. ``to_dict()`` is the device object
    of the JSON report.
    """

    def __init__(self, data: Dict[str, Any],
                 facts_loader: Optional[Callable[[], bytes]] = None,
                 status: Optional[str] = None,
                 checks: Optional[Dict[str, _Check]] = None):
        # With checks, data's results are compact: the check table has the rest.
        self._data = data
        self._checks = checks
        self._facts_loader = facts_loader
        self._facts: Any = None
        self._results: Optional[List[Result]] = None
        self._status = status

    @property
    def file(self) -> str:
        return self._data.get("file") or ""

    @property
    def hostname(self) -> str:
        return self._data.get("hostname") or ""

    @property
    def dialect(self) -> str:
        """``cisco-ios``, ..., or ``unknown``."""
        return self._data.get("dialect") or "unknown"

    @property
    def os_version(self) -> Optional[str]:
        return self._data.get("os_version")

    @property
    def status(self) -> str:
        """``ok``, ``partial``, ``unreadable``, ``not_audited`` or ``excluded``."""
        if self._status:
            return self._status
        d = self._data
        if d.get("not_audited"):
            return "not_audited"
        if d.get("unreadable"):
            return "unreadable"
        if d.get("excluded"):
            return "excluded"
        return "partial" if d.get("partial") else "ok"

    @property
    def diagnostics(self) -> List[Diagnostic]:
        """The parser's diagnostics for this device."""
        return [Diagnostic(self.file, g["line"], g["level"], g["message"])
                for g in self._data.get("diagnostics", ())]

    @property
    def counts(self) -> Dict[str, int]:
        return dict(self._data.get("counts", {}))

    @property
    def results(self) -> List[Result]:
        if self._results is None:
            rows = self._data.get("results", ())
            if self._checks is None:
                self._results = [Result.from_dict(r) for r in rows]
            else:
                t, dialect = self._checks, self.dialect
                self._results = [Result._from_compact(r, t[r["check"]], dialect) for r in rows]
        return self._results

    def result(self, check: str) -> Result:
        """The result of one check (KeyError when no such check ran)."""
        for r in self.results:
            if r.check == check:
                return r
        raise KeyError(check)

    def failures(self, min_severity: str = "info") -> List[Result]:
        """Failed results at or above a severity."""
        order = ["info", "low", "medium", "high", "critical"]
        floor = order.index(min_severity)
        return [r for r in self.results if r.verdict == "fail" and order.index(r.severity) >= floor]

    @property
    def facts(self) -> Any:
        """The security model as dicts and lists (None when the device was not
        parsed). Extracted again on first use, from the same text and context,
        so results hold no C memory meanwhile."""
        if self._facts is None and self._facts_loader is not None:
            self._facts = json.loads(self._facts_loader())
            self._facts_loader = None
        return self._facts

    def to_dict(self) -> Dict[str, Any]:
        """The device object of the JSON report (a copy)."""
        d = json.loads(json.dumps(self._data))
        if self._checks is not None:
            d["results"] = [r.to_dict() for r in self.results]
        return d

    def __iter__(self) -> Iterator[Result]:
        return iter(self.results)

    def __repr__(self) -> str:
        c = self.counts
        return (f"<DeviceResult {self.hostname!r} {self.dialect} {self.status}: "
                f"{c.get('fail', 0)} fail, {c.get('pass', 0)} pass>")


class EstateResult:
    """An estate's assessment, as the JSON report of ``tsaudit scan`` has it.

    ``devices`` (one :class:`DeviceResult` each), ``fleet`` (findings across
    devices, such as one secret shared by several), ``measures`` (the Code's
    measures with their status), ``summary``, ``run``; ``status`` is the exit
    status ``tsaudit scan --fail-on never`` would give (0, 2 when an input
    could not be read or parsed, 3 when a report could not be written).
    """

    def __init__(self, report: Dict[str, Any], status: int, diagnostics: List[Diagnostic]):
        self.report = report
        self.status = status
        self.diagnostics = diagnostics
        self.devices = [DeviceResult(d) for d in report.get("devices", ())]

    @property
    def fleet(self) -> List[Dict[str, Any]]:
        return self.report.get("fleet", [])

    @property
    def measures(self) -> List[Dict[str, Any]]:
        return self.report.get("measures", [])

    @property
    def summary(self) -> Dict[str, Any]:
        return self.report.get("summary", {})

    @property
    def run(self) -> Dict[str, Any]:
        return self.report.get("run", {})

    def device(self, name: str) -> DeviceResult:
        """A device by hostname, file or relative path."""
        for d in self.devices:
            if name in (d.hostname, d.file, d._data.get("relpath")):
                return d
        raise KeyError(name)

    def to_dict(self) -> Dict[str, Any]:
        return self.report

    def __repr__(self) -> str:
        return f"<EstateResult {len(self.devices)} devices, {len(self.fleet)} fleet findings>"


# ----------------------------------------------------------------- context


def _check(rc: int, ctx: int, what: str, cls=ProfileError) -> None:
    if rc != 0:
        text = (_lib.lib.tsa_context_errors(ctx) or b"").decode(errors="replace")
        raise cls(what, Diagnostic.parse_all(text))


class Profile:
    """A provider profile (docs/profile.md): tier, networks, approved servers.

    ``Profile.from_file("profile.yaml")`` or ``Profile.from_dict({...})``; a
    profile with errors raises :class:`ProfileError` whose ``diagnostics``
    give ``file:line`` for each.
    """

    def __init__(self, *, path: Optional[str] = None, text: Optional[str] = None,
                 name: str = "<profile>"):
        if (path is None) == (text is None):
            raise TypeError("Profile takes a path or a text")
        self.path = path
        self.text = text
        self.name = path or name
        Context(profile=self)  # load it once now: errors surface here

    @classmethod
    def from_file(cls, path: PathLike) -> "Profile":
        return cls(path=os.fspath(path))

    @classmethod
    def from_text(cls, text: str, name: str = "<profile>") -> "Profile":
        return cls(text=text, name=name)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], name: str = "<profile>") -> "Profile":
        """From the profile's YAML structure as Python data (dates may be
        ``datetime.date`` objects; they are written as YAML dates)."""
        return cls(text=json.dumps(data, default=str), name=name)

    def _load(self, ctx: int) -> None:
        L = _lib.lib
        if self.path is not None:
            rc = L.tsa_context_load_profile(ctx, self.path.encode())
        else:
            raw = self.text.encode()
            rc = L.tsa_context_load_profile_text(ctx, self.name.encode(), raw, len(raw))
        _check(rc, ctx, f"{self.name}: the profile has errors")

    def __repr__(self) -> str:
        return f"<Profile {self.name}>"


ProfileArg = Union[Profile, PathLike, Mapping[str, Any], None]


def _as_profile(p: ProfileArg) -> Optional[Profile]:
    if p is None or isinstance(p, Profile):
        return p
    if isinstance(p, Mapping):
        return Profile.from_dict(p)
    return Profile.from_file(p)


class Context:
    """What shapes an assessment besides the configuration: a profile,
    attestations and waivers, user rules, the assessment date and tier.

    A context is reusable and may be shared by threads once made; the
    module-level functions make (and keep) one per distinct set of options.
    """

    def __init__(self, profile: ProfileArg = None, attestations: Optional[PathLike] = None,
                 rules: Iterable[PathLike] = (), as_of: Optional[str] = None,
                 tier: Optional[int] = None, show_secrets: bool = False):
        L = _lib.lib
        self._ctx = L.tsa_context_new()
        if not self._ctx:
            raise MemoryError("tsa_context_new")
        self.profile = _as_profile(profile)
        if self.profile is not None:
            self.profile._load(self._ctx)
        if attestations is not None:
            a = os.fspath(attestations)
            _check(L.tsa_context_load_attestations(self._ctx, a.encode()), self._ctx,
                   f"{a}: the attestations have errors")
        for r in rules:
            r = os.fspath(r)
            _check(L.tsa_context_load_rules(self._ctx, r.encode()), self._ctx,
                   f"{r}: the rules have errors")
        if as_of is not None:
            _check(L.tsa_context_set_as_of(self._ctx, str(as_of).encode()), self._ctx,
                   "bad as_of", TsauditError)
        if tier is not None:
            _check(L.tsa_context_set_tier(self._ctx, int(tier)), self._ctx, "bad tier",
                   TsauditError)
        L.tsa_context_set_show_secrets(self._ctx, 1 if show_secrets else 0)

    def __del__(self) -> None:
        ctx, self._ctx = getattr(self, "_ctx", None), None
        if ctx:
            _lib.lib.tsa_context_free(ctx)

    # -- one device

    def _assess(self, text: Optional[bytes], path: Optional[str], name: Optional[bytes],
                dialect: Optional[str]) -> int:
        L = _lib.lib
        d = dialect.encode() if dialect else None
        if path is not None:
            dev = L.tsa_assess_file(self._ctx, path.encode(), d)
        else:
            dev = L.tsa_assess_text(self._ctx, text, len(text), name, d)
        if not dev:
            raise InputError(f"unknown dialect {dialect!r} (one of: {', '.join(DIALECTS)})")
        return dev

    def _device(self, text: Optional[bytes], path: Optional[str], name: Optional[bytes],
                dialect: Optional[str], strict: bool = False) -> DeviceResult:
        L = _lib.lib
        dev = self._assess(text, path, name, dialect)
        try:
            status = _STATUS.get(L.tsa_device_status(dev), "ok")
            if strict and status == "unreadable":
                diags = L.tsa_device_diagnostics(dev).decode(errors="replace")
                raise InputError(f"{path}: cannot be read", Diagnostic.parse_all(diags))
            data = json.loads(_lib.text_of(L.tsa_device_results_json, dev))
            checks = _check_table(self._ctx, (r["check"] for r in data["results"]))
            reason = L.tsa_device_not_audited_reason(dev).decode(errors="replace")
            if reason:
                data.setdefault("not_audited", reason)
        finally:
            L.tsa_device_free(dev)

        def facts() -> bytes:
            again = self._assess(text, path, name, dialect)
            try:
                return _lib.text_of(L.tsa_device_facts_json, again)
            finally:
                L.tsa_device_free(again)

        return DeviceResult(data, facts, status, checks)

    def audit_text(self, text: Union[str, bytes], dialect: Optional[str] = None,
                   hostname: Optional[str] = None) -> DeviceResult:
        """Assess one configuration held in memory. See :func:`tsaudit.audit_text`."""
        raw = text.encode() if isinstance(text, str) else bytes(text)
        return self._device(raw, None, hostname.encode() if hostname else None, dialect)

    def audit_file(self, path: PathLike, dialect: Optional[str] = None,
                   strict: bool = True) -> DeviceResult:
        """Assess one configuration file. See :func:`tsaudit.audit_file`."""
        return self._device(None, os.fspath(path), None, dialect, strict)

    # -- an estate

    def scan(self, paths: Union[PathLike, Sequence[PathLike]], jobs: int = 0,
             outputs: Sequence[PathLike] = ()) -> EstateResult:
        """Assess an estate. See :func:`tsaudit.scan`."""
        if isinstance(paths, (str, bytes, os.PathLike)):
            paths = [paths]
        L = _lib.lib
        parr, np = _lib.cstr_array([os.fspath(p) for p in paths])
        oarr, no = _lib.cstr_array([os.fspath(o) for o in outputs])
        est = L.tsa_scan(self._ctx, parr, np, int(jobs), oarr, no)
        if not est:
            raise MemoryError("tsa_scan")
        try:
            status = L.tsa_estate_status(est)
            diags = Diagnostic.parse_all(L.tsa_estate_diagnostics(est).decode(errors="replace"))
            report = json.loads(_lib.text_of(L.tsa_estate_json, est))
        finally:
            L.tsa_estate_free(est)
        if report is None:
            raise TsauditError("the scan wrote no report", diags)
        return EstateResult(report, status, diags)


_contexts: Dict[Tuple[Any, ...], Context] = {}
_contexts_lock = threading.Lock()


def _context(profile: ProfileArg, attestations: Optional[PathLike], as_of: Optional[str],
             tier: Optional[int], show_secrets: bool) -> Context:
    """A context for these options, made once and kept (a few at most)."""
    if isinstance(profile, Mapping):
        profile = Profile.from_dict(profile)
    key_p: Any = profile if isinstance(profile, Profile) or profile is None else os.fspath(profile)
    key = (key_p, None if attestations is None else os.fspath(attestations), as_of, tier,
           show_secrets)
    with _contexts_lock:
        ctx = _contexts.get(key)
        if ctx is None:
            ctx = Context(profile=profile, attestations=attestations, as_of=as_of, tier=tier,
                          show_secrets=show_secrets)
            if len(_contexts) >= 16:
                _contexts.pop(next(iter(_contexts)))
            _contexts[key] = ctx
        return ctx


# -------------------------------------------------------------- functions


def audit_text(text: Union[str, bytes], dialect: Optional[str] = None,
               hostname: Optional[str] = None, profile: ProfileArg = None, *,
               attestations: Optional[PathLike] = None, as_of: Optional[str] = None,
               tier: Optional[int] = None, show_secrets: bool = False) -> DeviceResult:
    """Assess one configuration held in memory, e.g. one just fetched by NAPALM
    or Nornir.

    dialect: ``cisco-ios``, ``juniper-junos``, ... (:data:`DIALECTS`); None
    detects it from the text. hostname: names the device in results and
    diagnostics when the configuration does not. profile: a :class:`Profile`,
    a path to a profile YAML file or a dict of its content; without one, the
    checks that need the provider's context say ``needs_context``.
    attestations: the waivers file (``--attest``); as_of: the assessment date
    ``YYYY-MM-DD``; tier: 1, 2 or 3.

    A configuration tsaudit cannot read still gives a result whose
    ``status`` says so (``not_audited``, ``partial``); an unknown dialect name
    raises :class:`InputError`.
    """
    ctx = _context(profile, attestations, as_of, tier, show_secrets)
    return ctx.audit_text(text, dialect=dialect, hostname=hostname)


def audit_file(path: PathLike, dialect: Optional[str] = None, profile: ProfileArg = None, *,
               attestations: Optional[PathLike] = None, as_of: Optional[str] = None,
               tier: Optional[int] = None, show_secrets: bool = False,
               strict: bool = True) -> DeviceResult:
    """Assess one configuration file (options as :func:`audit_text`).

    A file that cannot be read raises :class:`InputError` with its
    diagnostic; ``strict=False`` returns an ``unreadable`` result instead.
    """
    ctx = _context(profile, attestations, as_of, tier, show_secrets)
    return ctx.audit_file(path, dialect=dialect, strict=strict)


def checks() -> List[Dict[str, Any]]:
    """Every check the process runs, in result order (``tsaudit checks``):
    id (``check``), title, category, severity, scope (``device``, or
    ``fleet`` for a check whose verdict depends on the other devices of an
    estate), source, measures, and the remediation for each dialect."""
    ctx = _context(None, None, None, None, False)
    return json.loads(_lib.text_of(_lib.lib.tsa_checks_json, ctx._ctx))


def scan(paths: Union[PathLike, Sequence[PathLike]], profile: ProfileArg = None,
         attestations: Optional[PathLike] = None, jobs: int = 0,
         outputs: Sequence[PathLike] = (), *, as_of: Optional[str] = None,
         tier: Optional[int] = None, show_secrets: bool = False,
         rules: Iterable[PathLike] = ()) -> EstateResult:
    """Assess an estate (files and folders: RANCID/Oxidized trees, plain
    folders) as ``tsaudit scan`` does: every device, the fleet checks across
    devices, the Code's measures with attestations, and the same report
    formats: ``outputs=["report.html", "report.sarif"]`` writes each (format
    from the extension: .json .sarif .csv .xml .html .oscal.json .txt
    .plan.txt). jobs: worker threads (0: one per core).

    Unreadable inputs do not stop the scan: they are listed in
    ``diagnostics`` and ``status`` is 2. rules: user rules files, which join
    the process's check registry for good (docs/rules.md).
    """
    rules = list(rules)
    if rules:
        ctx = Context(profile=profile, attestations=attestations, rules=rules, as_of=as_of,
                      tier=tier, show_secrets=show_secrets)
    else:
        ctx = _context(profile, attestations, as_of, tier, show_secrets)
    return ctx.scan(paths, jobs=jobs, outputs=outputs)
