"""healthact for Python: the C interface (healthact.h) over ctypes.

    import healthact
    with healthact.Framework.parse(text, "liuzhou.ha") as framework, \\
         healthact.Observations() as data:
        data.add_batch(units, keys, years, values)      # one call for many values
        with framework.assess(data, 2022) as result:
            for unit in result.units():                  # plain dicts, easy for pandas
                print(unit["rank"], unit["unit"], unit["score"])

Errors raise HealthactError with the status, the message and, for bad
framework or data text, the diagnostics (each with line and column).
The library is found through $HEALTHACT_LIBRARY, then the build tree, then
the system (ctypes.util.find_library).
"""

import array
import ctypes
import ctypes.util
import os
import sysconfig

__all__ = ["HealthactError", "Framework", "Observations", "Assessment", "Organisation",
           "library_version",
           "MET", "NOT_MET", "MISSING", "PENDING", "NOT_APPLICABLE", "INVALID"]

MET, NOT_MET, MISSING, PENDING, NOT_APPLICABLE, INVALID = range(6)
_STATUS_NAMES = ["met", "not_met", "missing", "pending", "not_applicable", "invalid"]


def _find_library():
    """$HEALTHACT_LIBRARY; then the library installed with this package (its
    prefix's lib folders, for `cmake --install` and pip installs side by
    side); then the build tree of a source checkout; then the system's
    loader (ldconfig's cache, ctypes.util.find_library)."""
    candidates = []
    if os.environ.get("HEALTHACT_LIBRARY"):
        candidates.append(os.environ["HEALTHACT_LIBRARY"])
    here = os.path.dirname(os.path.abspath(__file__))
    # <prefix>/lib/python3*/site-packages/healthact or <prefix>/lib/python3/dist-packages/healthact
    prefix = os.path.normpath(os.path.join(here, "..", "..", "..", ".."))
    for folder in ("lib", "lib64", os.path.join("lib", sysconfig.get_config_var("MULTIARCH") or "")):
        candidates.append(os.path.join(prefix, folder, "libhealthact.so.1"))
    candidates.append(os.path.join(here, "..", "..", "..", "build", "libhealthact.so.1"))
    candidates.append("libhealthact.so.1")  # the loader: LD_LIBRARY_PATH, ldconfig
    found = ctypes.util.find_library("healthact")
    if found:
        candidates.append(found)
    tried = []
    for candidate in candidates:
        if os.path.sep in candidate and not os.path.exists(candidate):
            continue
        try:
            return ctypes.CDLL(candidate)
        except OSError as error:
            tried.append(f"{candidate}: {error}")
    raise ImportError("libhealthact.so.1 not found (install healthact, or set HEALTHACT_LIBRARY "
                      "to its path)" + "".join("; " + t for t in tried))


_lib = _find_library()
_c_char_pp = ctypes.POINTER(ctypes.c_char_p)


class _Diagnostic(ctypes.Structure):
    _fields_ = [("code", ctypes.c_char_p), ("name", ctypes.c_char_p), ("severity", ctypes.c_int32),
                ("file", ctypes.c_char_p), ("line", ctypes.c_int32), ("column", ctypes.c_int32),
                ("message", ctypes.c_char_p)]


class _Indicator(ctypes.Structure):
    _fields_ = [("number", ctypes.c_char_p), ("name", ctypes.c_char_p), ("unit", ctypes.c_char_p),
                ("basis", ctypes.c_char_p), ("part_count", ctypes.c_int32)]


class _UnitResult(ctypes.Structure):
    _fields_ = [("unit", ctypes.c_char_p), ("score", ctypes.c_char_p), ("rank", ctypes.c_int32),
                ("grade", ctypes.c_char_p)]


class _AssessOptions(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_int32), ("level", ctypes.c_char_p), ("within", ctypes.c_char_p)]


class _Seat(ctypes.Structure):
    _fields_ = [("role", ctypes.c_char_p), ("post", ctypes.c_char_p), ("department", ctypes.c_char_p),
                ("person", ctypes.c_char_p), ("concurrent", ctypes.c_int32)]


class _Verdict(ctypes.Structure):
    _fields_ = [("indicator", ctypes.c_char_p), ("status", ctypes.c_int32), ("value", ctypes.c_char_p),
                ("target", ctypes.c_char_p), ("reason", ctypes.c_char_p)]


class _Finding(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_int32), ("rule", ctypes.c_char_p), ("severity", ctypes.c_int32),
                ("indicators", ctypes.c_char_p), ("message", ctypes.c_char_p)]


_FINDING_KINDS = {1: "range", 2: "rate_conflict", 3: "parts", 4: "rule"}


def _declare(name, restype, *argtypes):
    function = getattr(_lib, name)
    function.restype = restype
    function.argtypes = list(argtypes)
    return function


_i32, _vp, _size = ctypes.c_int32, ctypes.c_void_p, ctypes.c_size_t
_P = ctypes.POINTER
_version_number = _declare("hact_version_number", _i32)
_version_string = _declare("hact_version_string", ctypes.c_char_p)
_status_string = _declare("hact_status_string", ctypes.c_char_p, _i32)
_last_error = _declare("hact_last_error", ctypes.c_char_p)
_free = _declare("hact_free", None, _vp)
_diagnostics_count = _declare("hact_diagnostics_count", _i32, _vp, _P(_i32))
_diagnostics_get = _declare("hact_diagnostics_get", _i32, _vp, _i32, _P(_Diagnostic))
_diagnostics_free = _declare("hact_diagnostics_free", None, _vp)
_framework_parse = _declare("hact_framework_parse", _i32, ctypes.c_char_p, _size, ctypes.c_char_p,
                            _P(_vp), _P(_vp))
_framework_free = _declare("hact_framework_free", None, _vp)
_framework_name = _declare("hact_framework_name", _i32, _vp, _c_char_pp)
_framework_indicator_count = _declare("hact_framework_indicator_count", _i32, _vp, _P(_i32))
_framework_indicator = _declare("hact_framework_indicator", _i32, _vp, _i32, _P(_Indicator))
_framework_target = _declare("hact_framework_target", _i32, _vp, _i32, _i32, _c_char_pp)
_observations_new = _declare("hact_observations_new", _i32, _P(_vp))
_observations_free = _declare("hact_observations_free", None, _vp)
_observations_add = _declare("hact_observations_add", _i32, _vp, ctypes.c_char_p, ctypes.c_char_p,
                             _i32, ctypes.c_char_p)
_observations_add_batch = _declare("hact_observations_add_batch", _i32, _vp, _size, _c_char_pp,
                                   _c_char_pp, _P(_i32), _c_char_pp, _P(_size))
_observations_add_packed = _declare("hact_observations_add_packed", _i32, _vp, _size, ctypes.c_char_p,
                                    ctypes.c_char_p, _P(_i32), ctypes.c_char_p, _P(_size))
_observations_read_csv = _declare("hact_observations_read_csv", _i32, _vp, ctypes.c_char_p, _size,
                                  ctypes.c_char_p, _vp, _P(_vp))
_observations_set_parent = _declare("hact_observations_set_parent", _i32, _vp, ctypes.c_char_p,
                                    ctypes.c_char_p)
_assess = _declare("hact_assess", _i32, _vp, _vp, _i32, _P(_vp))
_assess_with = _declare("hact_assess_with", _i32, _vp, _vp, _i32, _P(_AssessOptions), _P(_vp))
_observations_read_units_csv = _declare("hact_observations_read_units_csv", _i32, _vp,
                                        ctypes.c_char_p, _size, ctypes.c_char_p, _P(_vp))
_organisation_parse = _declare("hact_organisation_parse", _i32, ctypes.c_char_p, _size,
                               ctypes.c_char_p, _P(_vp), _P(_vp))
_organisation_free = _declare("hact_organisation_free", None, _vp)
_organisation_committee_count = _declare("hact_organisation_committee_count", _i32, _vp, _P(_i32))
_roster_create = _declare("hact_roster_create", _i32, _vp, _i32, ctypes.c_char_p, _P(_vp))
_roster_free = _declare("hact_roster_free", None, _vp)
_roster_seat_count = _declare("hact_roster_seat_count", _i32, _vp, _P(_i32))
_roster_seat = _declare("hact_roster_seat", _i32, _vp, _i32, _P(_Seat))
_organisation_approver = _declare("hact_organisation_approver", _i32, _vp, _i32, ctypes.c_char_p,
                                  _c_char_pp, _c_char_pp)
_validate_unit = _declare("hact_validate_unit", _i32, _vp, _vp, ctypes.c_char_p, _i32, _P(_vp))
_assessment_free = _declare("hact_assessment_free", None, _vp)
_assessment_unit_count = _declare("hact_assessment_unit_count", _i32, _vp, _P(_i32))
_assessment_unit = _declare("hact_assessment_unit", _i32, _vp, _i32, _P(_UnitResult))
_assessment_verdict = _declare("hact_assessment_verdict", _i32, _vp, _i32, _i32, _P(_Verdict))
_assessment_json = _declare("hact_assessment_json", _i32, _vp, _i32, _P(_vp))
_assessment_finding_count = _declare("hact_assessment_finding_count", _i32, _vp, _i32, _P(_i32))
_assessment_finding = _declare("hact_assessment_finding", _i32, _vp, _i32, _i32, _P(_Finding))


def _text(value):
    return value.decode("utf-8") if value is not None else None


def _bytes(value):
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


class HealthactError(Exception):
    """A healthact call failed: `status`, the message, and `diagnostics`."""

    def __init__(self, status, message, diagnostics=()):
        super().__init__(f"{_text(_status_string(status))}: {message}")
        self.status = status
        self.message = message
        self.diagnostics = list(diagnostics)


def _take_diagnostics(handle):
    """Reads and frees a hact_diagnostics handle into a list of dicts."""
    if not handle:
        return []
    try:
        count = _i32()
        _diagnostics_count(handle, ctypes.byref(count))
        result = []
        for i in range(count.value):
            d = _Diagnostic()
            _diagnostics_get(handle, i, ctypes.byref(d))
            result.append({"code": _text(d.code), "name": _text(d.name),
                           "severity": "error" if d.severity == 0 else "warning",
                           "file": _text(d.file), "line": d.line, "column": d.column,
                           "message": _text(d.message)})
        return result
    finally:
        _diagnostics_free(handle)


def _parse(parse_function, text, file_name):
    """Calls a hact_*_parse function; returns (handle, warnings) or raises."""
    data = _bytes(text)
    handle, diagnostics = _vp(), _vp()
    status = parse_function(data, len(data), _bytes(file_name), ctypes.byref(handle),
                            ctypes.byref(diagnostics))
    found = _check_with_diagnostics(status, diagnostics)
    return handle, found


def _check(status, diagnostics=()):
    if status != 0:
        raise HealthactError(status, _text(_last_error()), diagnostics)


def _check_with_diagnostics(status, diagnostics):
    """Reads the last error first (a call that succeeds, as reading the
    diagnostics does, leaves it empty), then the diagnostics; raises on failure,
    else returns the diagnostics (warnings)."""
    message = _text(_last_error()) if status != 0 else ""
    found = _take_diagnostics(diagnostics)
    if status != 0:
        raise HealthactError(status, message, found)
    return found


def library_version():
    """The library's version string; raises if it does not match the binding."""
    return _text(_version_string())


class _Handle:
    """A native handle released deterministically (close / with) or by the finaliser."""

    _release = None

    def __init__(self, handle):
        self._handle = handle

    def close(self):
        if self._handle:
            type(self)._release(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    @property
    def handle(self):
        if not self._handle:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._handle


class Framework(_Handle):
    _release = staticmethod(_framework_free)

    def __init__(self, handle, warnings):
        super().__init__(handle)
        self.warnings = warnings

    @classmethod
    def parse(cls, text, file_name="<text>"):
        return cls(*_parse(_framework_parse, text, file_name))

    @property
    def name(self):
        out = ctypes.c_char_p()
        _check(_framework_name(self.handle, ctypes.byref(out)))
        return _text(out.value)

    def indicators(self):
        count = _i32()
        _check(_framework_indicator_count(self.handle, ctypes.byref(count)))
        result = []
        for i in range(count.value):
            info = _Indicator()
            _check(_framework_indicator(self.handle, i, ctypes.byref(info)))
            result.append({"number": _text(info.number), "name": _text(info.name),
                           "unit": _text(info.unit), "basis": _text(info.basis),
                           "parts": info.part_count})
        return result

    def target(self, index, year):
        """The target as written ("≥90.86"), or None when there is none that year."""
        out = ctypes.c_char_p()
        status = _framework_target(self.handle, index, year, ctypes.byref(out))
        if status == -3:
            return None
        _check(status)
        return _text(out.value)

    def assess(self, observations, year, level=None, within=None):
        """Assesses every unit, or those at `level` ("县区") and/or under `within`."""
        out = _vp()
        if level is None and within is None:
            _check(_assess(self.handle, observations.handle, year, ctypes.byref(out)))
        else:
            options = _AssessOptions(ctypes.sizeof(_AssessOptions),
                                     _bytes(level) if level is not None else None,
                                     _bytes(within) if within is not None else None)
            _check(_assess_with(self.handle, observations.handle, year, ctypes.byref(options),
                                ctypes.byref(out)))
        return Assessment(out, self)

    def validate_unit(self, observations, unit, year):
        out = _vp()
        _check(_validate_unit(self.handle, observations.handle, _bytes(unit), year, ctypes.byref(out)))
        return Assessment(out, self)


class Observations(_Handle):
    _release = staticmethod(_observations_free)

    def __init__(self):
        handle = _vp()
        _check(_observations_new(ctypes.byref(handle)))
        super().__init__(handle)

    def add(self, unit, key, year, value):
        _check(_observations_add(self.handle, _bytes(unit), _bytes(key), year, _bytes(value)))

    def add_batch(self, units, keys, years, values):
        """Adds many values in one call across ctypes (parallel sequences).

        Each string column crosses as one packed buffer and the years as one
        int32 buffer, so a million values cost a few joins, not a million
        ctypes conversions."""
        count = len(units)
        if not (len(keys) == len(years) == len(values) == count):
            raise ValueError("units, keys, years and values must have the same length")

        def packed(column):
            try:
                joined = "\0".join(column)
            except TypeError:  # not all str: convert, then join
                joined = "\0".join(s if isinstance(s, str) else str(s) for s in column)
            # The last string's terminator is the one every bytes object
            # carries after its end (CPython's documented PyBytes layout),
            # which saves copying the column once more to append it.
            data = joined.encode("utf-8")
            # One separator between strings: a NUL inside a string would shift the columns.
            if count and data.count(b"\0") != count - 1:
                raise ValueError("strings must not contain NUL")
            return data

        c_years = array.array("i", years)
        if c_years.itemsize != 4:
            c_years = (_i32 * count)(*years)
            years_pointer = c_years
        else:
            years_pointer = ctypes.cast(c_years.buffer_info()[0], _P(_i32)) if count else None
        failed = _size()
        _check(_observations_add_packed(self.handle, count, packed(units), packed(keys), years_pointer,
                                        packed(values), ctypes.byref(failed)))

    def read_csv(self, text, file_name="<data>", framework=None):
        data = _bytes(text)
        diagnostics = _vp()
        status = _observations_read_csv(self.handle, data, len(data), _bytes(file_name),
                                        framework.handle if framework is not None else None,
                                        ctypes.byref(diagnostics))
        return _check_with_diagnostics(status, diagnostics)

    def read_units_csv(self, text, file_name="<units>"):
        data = _bytes(text)
        diagnostics = _vp()
        status = _observations_read_units_csv(self.handle, data, len(data), _bytes(file_name),
                                              ctypes.byref(diagnostics))
        return _check_with_diagnostics(status, diagnostics)

    def set_parent(self, unit, parent):
        _check(_observations_set_parent(self.handle, _bytes(unit), _bytes(parent)))


class Assessment(_Handle):
    _release = staticmethod(_assessment_free)

    def __init__(self, handle, framework):
        super().__init__(handle)
        self._framework = framework  # keeps the indicator list at hand

    def __len__(self):
        count = _i32()
        _check(_assessment_unit_count(self.handle, ctypes.byref(count)))
        return count.value

    def units(self):
        """Units in rank order: dicts with unit, score (a string), rank, grade."""
        result = []
        for position in range(len(self)):
            unit = _UnitResult()
            _check(_assessment_unit(self.handle, position, ctypes.byref(unit)))
            result.append({"unit": _text(unit.unit), "score": _text(unit.score), "rank": unit.rank,
                           "grade": _text(unit.grade)})
        return result

    def verdicts(self, position):
        """The verdicts of the unit at `position` in rank order, as dicts."""
        result = []
        for index in range(len(self._framework.indicators())):
            v = _Verdict()
            _check(_assessment_verdict(self.handle, position, index, ctypes.byref(v)))
            result.append({"indicator": _text(v.indicator), "status": _STATUS_NAMES[v.status],
                           "value": _text(v.value), "target": _text(v.target),
                           "reason": _text(v.reason)})
        return result

    def findings(self, position):
        """What validation found in the figures of the unit at `position` in
        rank order: dicts with rule, kind, severity ("error" or "warning"),
        indicators (a list of numbers) and message."""
        count = _i32()
        _check(_assessment_finding_count(self.handle, position, ctypes.byref(count)))
        result = []
        for index in range(count.value):
            f = _Finding()
            _check(_assessment_finding(self.handle, position, index, ctypes.byref(f)))
            indicators = _text(f.indicators)
            result.append({"rule": _text(f.rule), "kind": _FINDING_KINDS.get(f.kind, "?"),
                           "severity": "error" if f.severity == 0 else "warning",
                           "indicators": indicators.split(",") if indicators else [],
                           "message": _text(f.message)})
        return result

    def json(self, failures_only=False):
        out = _vp()
        _check(_assessment_json(self.handle, 1 if failures_only else 0, ctypes.byref(out)))
        try:
            return ctypes.string_at(out).decode("utf-8")
        finally:
            _free(out)


class Organisation(_Handle):
    """An organisation text (.org.ha): committees, rosters by date, approvers."""

    _release = staticmethod(_organisation_free)

    def __init__(self, handle, warnings):
        super().__init__(handle)
        self.warnings = warnings

    @classmethod
    def parse(cls, text, file_name="<text>"):
        return cls(*_parse(_organisation_parse, text, file_name))

    def committee_count(self):
        count = _i32()
        _check(_organisation_committee_count(self.handle, ctypes.byref(count)))
        return count.value

    def roster(self, committee, date):
        """The seats of committee number `committee` on `date` ("2021-01-01"), as dicts."""
        roster = _vp()
        _check(_roster_create(self.handle, committee, _bytes(date), ctypes.byref(roster)))
        try:
            count = _i32()
            _check(_roster_seat_count(roster, ctypes.byref(count)))
            seats = []
            for i in range(count.value):
                seat = _Seat()
                _check(_roster_seat(roster, i, ctypes.byref(seat)))
                seats.append({"role": _text(seat.role), "post": _text(seat.post),
                              "department": _text(seat.department),
                              "person": _text(seat.person) or None,
                              "concurrent": bool(seat.concurrent)})
            return seats
        finally:
            _roster_free(roster)

    def approver(self, committee, date):
        """(post, person) who approves seat changes on `date`; person None when unnamed."""
        post, person = ctypes.c_char_p(), ctypes.c_char_p()
        _check(_organisation_approver(self.handle, committee, _bytes(date), ctypes.byref(post),
                                      ctypes.byref(person)))
        return _text(post.value), _text(person.value) or None


if _version_number() // 10000 != 0:
    raise ImportError("this binding is for healthact 0.x; the library is "
                      + _text(_version_string()))
