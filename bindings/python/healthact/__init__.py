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

__all__ = ["HealthactError", "Framework", "Observations", "Assessment", "Organisation", "Review",
           "library_version", "set_language", "language", "monitoring_report", "write_file",
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


class _VerdictDetail(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_int32), ("indicator", ctypes.c_char_p), ("name", ctypes.c_char_p),
                ("status", ctypes.c_int32), ("value", ctypes.c_char_p), ("target", ctypes.c_char_p),
                ("reason", ctypes.c_char_p), ("part_count", ctypes.c_int32)]


class _Discrepancy(ctypes.Structure):
    _fields_ = [("unit", ctypes.c_char_p), ("key", ctypes.c_char_p), ("indicator", ctypes.c_char_p),
                ("reported", ctypes.c_char_p), ("verified", ctypes.c_char_p), ("before", ctypes.c_int32),
                ("after", ctypes.c_int32), ("reviewer", ctypes.c_char_p), ("reason", ctypes.c_char_p),
                ("line", ctypes.c_int32)]


class _SeatChange(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_int32), ("kind", ctypes.c_int32), ("date", ctypes.c_char_p),
                ("role", ctypes.c_char_p), ("post", ctypes.c_char_p), ("concurrent", ctypes.c_int32),
                ("proposed_by", ctypes.c_char_p), ("approved_by", ctypes.c_char_p),
                ("document", ctypes.c_char_p)]


class _Task(ctypes.Structure):
    _fields_ = [("description", ctypes.c_char_p), ("owner", ctypes.c_char_p), ("due", ctypes.c_char_p),
                ("meeting", ctypes.c_char_p)]


class _Finding(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_int32), ("rule", ctypes.c_char_p), ("severity", ctypes.c_int32),
                ("indicators", ctypes.c_char_p), ("message", ctypes.c_char_p)]


_FINDING_KINDS = {1: "range", 2: "rate_conflict", 3: "parts", 4: "rule"}


class _CodedColumn(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_int32), ("codes", ctypes.c_void_p), ("categories", ctypes.c_char_p),
                ("categories_size", ctypes.c_size_t), ("category_count", ctypes.c_size_t)]


class _AggregationNote(ctypes.Structure):
    _fields_ = [("unit", ctypes.c_char_p), ("key", ctypes.c_char_p), ("reason", ctypes.c_char_p)]


class _ImportOptions(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_int32), ("name", ctypes.c_char_p), ("source", ctypes.c_char_p),
                ("locator", ctypes.c_char_p), ("marked_fall_percent", ctypes.c_char_p),
                ("continuous_years", ctypes.c_int32), ("baseline_year", ctypes.c_int32)]


class _RoundDefinition(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_int32), ("year", ctypes.c_int32), ("kind", ctypes.c_int32),
                ("targets_of", ctypes.c_int32), ("committee", ctypes.c_char_p), ("level", ctypes.c_char_p),
                ("within", ctypes.c_char_p), ("assessment_group", ctypes.c_char_p),
                ("deadline", ctypes.c_char_p), ("send_up_deadline", ctypes.c_char_p), ("by", ctypes.c_char_p),
                ("at", ctypes.c_char_p)]


class _RoundSummary(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_int32), ("framework", ctypes.c_char_p), ("year", ctypes.c_int32),
                ("kind", ctypes.c_int32), ("targets_of", ctypes.c_int32), ("state", ctypes.c_int32),
                ("state_name", ctypes.c_char_p), ("approved_by", ctypes.c_char_p),
                ("approved_at", ctypes.c_char_p), ("published_at", ctypes.c_char_p),
                ("unit_count", ctypes.c_int32), ("event_count", ctypes.c_int32)]


class _RoundUnit(ctypes.Structure):
    _fields_ = [("unit", ctypes.c_char_p), ("state", ctypes.c_int32), ("state_name", ctypes.c_char_p),
                ("revisions", ctypes.c_int32), ("last_submitted", ctypes.c_char_p), ("late", ctypes.c_int32),
                ("returned_reason", ctypes.c_char_p)]


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
_set_language = _declare("hact_set_language", _i32, ctypes.c_char_p)
_language = _declare("hact_language", ctypes.c_char_p)
_diagnostics_count = _declare("hact_diagnostics_count", _i32, _vp, _P(_i32))
_diagnostics_get = _declare("hact_diagnostics_get", _i32, _vp, _i32, _P(_Diagnostic))
_diagnostics_free = _declare("hact_diagnostics_free", None, _vp)
_framework_parse = _declare("hact_framework_parse", _i32, ctypes.c_char_p, _size, ctypes.c_char_p,
                            _P(_vp), _P(_vp))
_resolver_type = ctypes.CFUNCTYPE(_i32, _vp, ctypes.c_char_p, ctypes.c_char_p, _P(ctypes.c_void_p),
                                  _P(_size), _P(ctypes.c_void_p))
_framework_parse_with = _declare("hact_framework_parse_with", _i32, ctypes.c_char_p, _size,
                                 ctypes.c_char_p, _resolver_type, _vp, _P(_vp), _P(_vp))
_framework_load = _declare("hact_framework_load", _i32, ctypes.c_char_p, _P(_vp), _P(_vp))
_framework_indicator_find = _declare("hact_framework_indicator_find", _i32, _vp, ctypes.c_char_p,
                                     _P(_i32), _P(_i32))
_framework_part = _declare("hact_framework_part", _i32, _vp, _i32, _i32, _c_char_pp, _c_char_pp)
_framework_free = _declare("hact_framework_free", None, _vp)
_framework_name = _declare("hact_framework_name", _i32, _vp, _c_char_pp)
_framework_indicator_count = _declare("hact_framework_indicator_count", _i32, _vp, _P(_i32))
_framework_indicator = _declare("hact_framework_indicator", _i32, _vp, _i32, _P(_Indicator))
_framework_target = _declare("hact_framework_target", _i32, _vp, _i32, _i32, _c_char_pp)
_observations_new = _declare("hact_observations_new", _i32, _P(_vp))
_observations_create = _declare("hact_observations_create", _i32, _vp, _P(_vp))
_observations_add_columns = _declare("hact_observations_add_columns", _i32, _vp, _size, ctypes.c_char_p,
                                     _size, ctypes.c_char_p, _size, _P(_i32), ctypes.c_char_p, _size,
                                     _P(_size))
_observations_add_coded = _declare("hact_observations_add_coded", _i32, _vp, _size, _P(_CodedColumn),
                                   _P(_CodedColumn), _vp, _vp, _P(_CodedColumn), _P(_size))
_observations_free = _declare("hact_observations_free", None, _vp)
_observations_add = _declare("hact_observations_add", _i32, _vp, ctypes.c_char_p, ctypes.c_char_p,
                             _i32, ctypes.c_char_p)
_observations_add_batch = _declare("hact_observations_add_batch", _i32, _vp, _size, _c_char_pp,
                                   _c_char_pp, _P(_i32), _c_char_pp, _P(_size))
_observations_add_packed = _declare("hact_observations_add_packed", _i32, _vp, _size, ctypes.c_char_p,
                                    ctypes.c_char_p, _P(_i32), ctypes.c_char_p, _P(_size))
_observations_read_csv = _declare("hact_observations_read_csv", _i32, _vp, ctypes.c_char_p, _size,
                                  ctypes.c_char_p, _vp, _P(_vp))
_observations_read_file = _declare("hact_observations_read_file", _i32, _vp, ctypes.c_char_p, _vp, _P(_vp))
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
_organisation_propose_change = _declare("hact_organisation_propose_change", _i32, _vp, _i32,
                                       _P(_SeatChange))
_tasks_overdue = _declare("hact_tasks_overdue", _i32, _vp, _i32, ctypes.c_char_p, _P(_vp))
_tasks_free = _declare("hact_tasks_free", None, _vp)
_tasks_count = _declare("hact_tasks_count", _i32, _vp, _P(_i32))
_tasks_get = _declare("hact_tasks_get", _i32, _vp, _i32, _P(_Task))
_validate_unit = _declare("hact_validate_unit", _i32, _vp, _vp, ctypes.c_char_p, _i32, _P(_vp))
_assessment_free = _declare("hact_assessment_free", None, _vp)
_assessment_unit_count = _declare("hact_assessment_unit_count", _i32, _vp, _P(_i32))
_assessment_unit = _declare("hact_assessment_unit", _i32, _vp, _i32, _P(_UnitResult))
_assessment_units = _declare("hact_assessment_units", _i32, _vp, _i32, _i32, _P(_UnitResult))
_assessment_verdict = _declare("hact_assessment_verdict", _i32, _vp, _i32, _i32, _P(_Verdict))
_review_draw = _declare("hact_review_draw", _i32, _vp, _i32, ctypes.c_uint64, _P(_vp))
_review_free = _declare("hact_review_free", None, _vp)
_review_unit_count = _declare("hact_review_unit_count", _i32, _vp, _P(_i32))
_review_unit = _declare("hact_review_unit", _i32, _vp, _i32, _c_char_pp)
_review_verify_csv = _declare("hact_review_verify_csv", _i32, _vp, ctypes.c_char_p, _size, ctypes.c_char_p,
                              _P(_vp))
_review_discrepancy_count = _declare("hact_review_discrepancy_count", _i32, _vp, _P(_i32))
_review_discrepancy = _declare("hact_review_discrepancy", _i32, _vp, _i32, _P(_Discrepancy))
_review_assessment = _declare("hact_review_assessment", _i32, _vp, _P(_vp))
_report_assessment = _declare("hact_report_assessment", _i32, _vp, _vp, _i32, _P(_vp), _P(_size))
_report_monitoring = _declare("hact_report_monitoring", _i32, _vp, _vp, _vp, ctypes.c_char_p, _i32, _P(_vp),
                              _P(_size))
_file_write = _declare("hact_file_write", _i32, ctypes.c_char_p, ctypes.c_char_p, _size)
_assessment_indicator_count = _declare("hact_assessment_indicator_count", _i32, _vp, _P(_i32))
_assessment_verdict_of = _declare("hact_assessment_verdict_of", _i32, _vp, _i32, ctypes.c_char_p,
                                  _P(_VerdictDetail))
_assessment_json = _declare("hact_assessment_json", _i32, _vp, _i32, _P(_vp))
_assessment_finding_count = _declare("hact_assessment_finding_count", _i32, _vp, _i32, _P(_i32))
_assessment_finding = _declare("hact_assessment_finding", _i32, _vp, _i32, _i32, _P(_Finding))
_cp = ctypes.c_char_p
_report_actions = _declare("hact_report_actions", _i32, _vp, _vp, _vp, _i32, _cp, _cp, _i32, _P(_vp), _P(_size))
_report_overall = _declare("hact_report_overall", _i32, _vp, _vp, _vp, _cp, _i32, _P(_vp), _P(_size))
_report_departments = _declare("hact_report_departments", _i32, _vp, _vp, _vp, _cp, _i32, _cp, _i32, _P(_vp),
                               _P(_size))
_aggregation_create = _declare("hact_aggregation_create", _i32, _vp, _vp, _i32, _P(_vp))
_aggregation_free = _declare("hact_aggregation_free", None, _vp)
_aggregation_observations = _declare("hact_aggregation_observations", _i32, _vp, _P(_vp))
_aggregation_note_count = _declare("hact_aggregation_note_count", _i32, _vp, _P(_i32))
_aggregation_note_get = _declare("hact_aggregation_note_get", _i32, _vp, _i32, _P(_AggregationNote))
_framework_import = _declare("hact_framework_import", _i32, _cp, _size, _cp, _i32, _P(_ImportOptions), _P(_vp),
                             _P(_size), _P(_vp), _P(_vp))
_round_create = _declare("hact_round_create", _i32, _cp, _vp, _vp, _vp, _P(_RoundDefinition), _P(_vp))
_round_open = _declare("hact_round_open", _i32, _cp, _i32, _P(_vp))
_round_import = _declare("hact_round_import", _i32, _cp, _vp, _vp, _cp, _size, _P(_vp))
_round_free = _declare("hact_round_free", None, _vp)
_round_framework = _declare("hact_round_framework", _i32, _vp, _P(_vp))
_round_submit = _declare("hact_round_submit", _i32, _vp, _cp, _cp, _cp, _cp, _size, _cp, _P(_vp))
_round_accept = _declare("hact_round_accept", _i32, _vp, _cp, _cp, _cp)
_round_return = _declare("hact_round_return", _i32, _vp, _cp, _cp, _cp, _cp)
_round_review = _declare("hact_round_review", _i32, _vp, _cp, _cp, _i32, ctypes.c_uint64, _cp, _size, _cp,
                         _P(_vp), _P(_vp))
_round_step = _declare("hact_round_step", _i32, _vp, _i32, _cp, _cp, _cp)
_round_receive = _declare("hact_round_receive", _i32, _vp, _cp, _cp, _cp, _cp)
_round_status_create = _declare("hact_round_status_create", _i32, _vp, _cp, _P(_vp))
_round_status_free = _declare("hact_round_status_free", None, _vp)
_round_status_summary = _declare("hact_round_status_summary", _i32, _vp, _P(_RoundSummary))
_round_status_unit = _declare("hact_round_status_unit", _i32, _vp, _i32, _P(_RoundUnit))
_round_history = _declare("hact_round_history", _i32, _vp, _cp, _P(_vp), _P(_size))
_round_export = _declare("hact_round_export", _i32, _vp, _i32, _P(_vp), _P(_size))
_round_assessment = _declare("hact_round_assessment", _i32, _vp, _P(_vp))


def _text(value):
    return value.decode("utf-8") if value is not None else None


def _bytes(value):
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


class HealthactError(Exception):
    """A healthact call failed: `status`, the message, and `diagnostics`."""

    def __init__(self, status, message, diagnostics=(), index=None):
        super().__init__(f"{_text(_status_string(status))}: {message}")
        self.status = status
        self.message = message
        self.diagnostics = list(diagnostics)
        # For a batch: the position of the refused row (in the frame's own
        # index for from_frame), else None.
        self.index = index


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


def set_language(language):
    """The language of the messages this thread's later calls write (diagnostics,
    verdict reasons, notes): "zh" (the default) or "en"; a locale name such as
    "zh_CN.UTF-8" or "en_US" is read as its language.  Codes, positions, status
    names and figures are the same in both."""
    _check(_set_language(_bytes(language)))


def language():
    """This thread's language: "zh" or "en"."""
    return _text(_language())


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
    def parse(cls, text, file_name="<text>", resolver=None):
        """Parses framework text.  `resolver(name, from_file)` returns the
        text (str or bytes) of the framework a `继承 "name"` names, or None to
        refuse it; without one, 继承 is an error."""
        if resolver is None:
            return cls(*_parse(_framework_parse, text, file_name))
        kept = []  # the last answer, alive until the library has copied it

        def call(_context, name, from_file, text_out, length_out, _file_name_out):
            try:
                answer = resolver(_text(name), _text(from_file))
            except Exception:  # an exception must not cross into C
                return -3
            if answer is None:
                return -3
            data = ctypes.create_string_buffer(_bytes(answer))
            kept[:] = [data]
            text_out[0] = ctypes.cast(data, ctypes.c_void_p).value
            length_out[0] = len(data) - 1
            return 0

        callback = _resolver_type(call)
        data = _bytes(text)
        handle, diagnostics = _vp(), _vp()
        status = _framework_parse_with(data, len(data), _bytes(file_name), callback, None,
                                       ctypes.byref(handle), ctypes.byref(diagnostics))
        return cls(handle, _check_with_diagnostics(status, diagnostics))

    @classmethod
    def load(cls, path):
        """Reads the framework file at `path`; a 继承 is found beside it."""
        handle, diagnostics = _vp(), _vp()
        status = _framework_load(_bytes(os.fspath(path)), ctypes.byref(handle), ctypes.byref(diagnostics))
        return cls(handle, _check_with_diagnostics(status, diagnostics))

    def find(self, number):
        """(indicator index, part index or None) of an indicator or part number."""
        index, part = _i32(), _i32()
        _check(_framework_indicator_find(self.handle, _bytes(number), ctypes.byref(index),
                                         ctypes.byref(part)))
        return index.value, (part.value if part.value >= 0 else None)

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

    def parts(self, index):
        """The parts of indicator `index`: a list of (number, name)."""
        result = []
        for part in range(self.indicators()[index]["parts"]):
            number, name = ctypes.c_char_p(), ctypes.c_char_p()
            _check(_framework_part(self.handle, index, part, ctypes.byref(number), ctypes.byref(name)))
            result.append((_text(number.value), _text(name.value)))
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


def _is_nothing(value):
    """None, NaN and pandas' NA/NaT: nothing reported."""
    return value is None or (value != value)  # NaN is the one value unequal to itself


def _value_text(value):
    if isinstance(value, str):
        return value
    if _is_nothing(value):
        return ""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a reported value (write 实现 or 未实现)")
    return str(value)


def _packed_column(column, convert, name=None):
    """A column as one packed buffer and its size in bytes: joined in one
    call when every item is a str (the common case), else each item through
    `convert` first."""
    try:
        joined = "\0".join(column)
    except TypeError:  # not all str (numbers, None, NaN)
        joined = "\0".join([convert(v) for v in column])
    data = (joined + "\0").encode("utf-8") if len(column) else b""
    # One terminator per string: a NUL inside a string would shift the columns.
    if data.count(b"\0") != len(column):
        raise ValueError(("" if name is None else f"column {name!r}: ") + "strings must not contain NUL")
    return data, len(data)


class Observations(_Handle):
    """What units reported.  With `framework`, every key is checked against
    its indicator numbers, part numbers and count names."""

    _release = staticmethod(_observations_free)

    def __init__(self, framework=None):
        handle = _vp()
        _check(_observations_create(framework.handle if framework is not None else None,
                                    ctypes.byref(handle)))
        super().__init__(handle)

    def add(self, unit, key, year, value):
        _check(_observations_add(self.handle, _bytes(unit), _bytes(key), year,
                                 _bytes(_value_text(value))))

    def add_batch(self, units, keys, years, values, index=None):
        """Adds many values in one call across ctypes (parallel sequences),
        all or nothing: if one is refused, none is added, and the
        HealthactError's `index` is the refused row's position (or
        `index[position]` when an index is given, as from_frame does).
        None and NaN are nothing reported; numbers are read as Python
        writes them (75, 74.6); strings (实现, 未统计) as written."""
        count = len(units)
        if not (len(keys) == len(years) == len(values) == count):
            raise ValueError("units, keys, years and values must have the same length")
        columns = [_packed_column(units, str), _packed_column(keys, str),
                   _packed_column(values, _value_text)]
        self._add_columns(count, columns, years, index)

    def _add_columns(self, count, columns, years, index):
        (unit_data, unit_size), (key_data, key_size), (value_data, value_size) = columns
        c_years = array.array("i", [int(y) for y in years]) if not hasattr(years, "ctypes") else years
        if hasattr(c_years, "ctypes"):  # a numpy int32 array: its buffer, no copy
            years_pointer = c_years.ctypes.data_as(_P(_i32)) if count else None
        elif c_years.itemsize == 4:
            years_pointer = ctypes.cast(c_years.buffer_info()[0], _P(_i32)) if count else None
        else:
            years_pointer = (_i32 * count)(*years)
        failed = _size(0)
        status = _observations_add_columns(self.handle, count, unit_data, unit_size, key_data, key_size,
                                           years_pointer, value_data, value_size, ctypes.byref(failed))
        if status != 0:
            position = failed.value
            where = index[position] if index is not None and position < len(index) else position
            raise HealthactError(status, _text(_last_error()), index=where)

    @classmethod
    def from_frame(cls, frame, framework=None):
        """Observations from a pandas DataFrame in the data file's long shape:
        columns unit, indicator, year, value (or 单位, 指标, 年份/年度, 值/数值).
        NaN and None are nothing reported; numbers and strings (实现) as
        written.  Refused rows raise HealthactError with `index` the row's
        label in the frame; nothing is added then."""
        observations = cls(framework)
        try:
            observations.add_frame(frame)
        except BaseException:
            observations.close()
            raise
        return observations

    def add_frame(self, frame):
        """Adds a DataFrame's rows (see from_frame), all or nothing."""
        import numpy  # pandas brings it

        names = {}
        for column in frame.columns:
            role = _FRAME_COLUMNS.get(str(column).strip().lower())
            if role is not None:
                if role in names:
                    raise ValueError(f"two columns for {role}: {names[role]!r} and {column!r}")
                names[role] = column
        missing = [role for role in ("unit", "indicator", "year", "value") if role not in names]
        if missing:
            raise ValueError("the frame needs columns unit, indicator, year and value; missing: "
                             + ", ".join(missing))
        count = len(frame)
        years = frame[names["year"]]
        if years.isna().any():
            position = int(numpy.flatnonzero(years.isna().to_numpy())[0])
            raise HealthactError(-2, f"value {position}: no year", index=frame.index[position])
        years = numpy.ascontiguousarray(years.to_numpy(), dtype=numpy.int32)
        values = frame[names["value"]]
        if _is_float(values) or _is_categorical(values):
            self._add_coded(count, frame[names["unit"]], frame[names["indicator"]], years, values, frame.index)
            return
        # Integers (75 stays 75) and mixed columns (numbers beside 实现) as text.
        columns = [_frame_column(frame[names["unit"]]), _frame_column(frame[names["indicator"]]),
                   _frame_column(values, values=True)]
        self._add_columns(count, columns, years, frame.index)

    def _add_coded(self, count, units, keys, years, values, index):
        """The typed call: units and keys as codes into their categories,
        numbers as doubles, texts (a categorical value column) coded; no
        string per value crosses."""
        import numpy

        keep = []  # every buffer the call reads, alive until it returns
        unit_column, key_column = _coded(units, keep), _coded(keys, keep)
        numbers, texts = None, None
        if _is_float(values):
            array_ = numpy.ascontiguousarray(values.to_numpy(), dtype=numpy.float64)
            keep.append(array_)
            numbers = array_.ctypes.data if count else None
        else:
            texts = _coded(values, keep, convert=_value_text)
        failed = _size(0)
        status = _observations_add_coded(self.handle, count, ctypes.byref(unit_column), ctypes.byref(key_column),
                                         years.ctypes.data if count else None, numbers,
                                         ctypes.byref(texts) if texts is not None else None, ctypes.byref(failed))
        if status != 0:
            position = failed.value
            where = index[position] if position < len(index) else position
            raise HealthactError(status, _text(_last_error()), index=where)

    def read_csv(self, text, file_name="<data>", framework=None):
        data = _bytes(text)
        diagnostics = _vp()
        status = _observations_read_csv(self.handle, data, len(data), _bytes(file_name),
                                        framework.handle if framework is not None else None,
                                        ctypes.byref(diagnostics))
        return _check_with_diagnostics(status, diagnostics)

    def read_file(self, path, framework=None):
        """Reads the CSV data file at `path` as read_csv reads a text, the file
        mapped by the library rather than read into Python: a file of hundreds
        of megabytes hardly adds to the memory it takes.  Raises HealthactError
        (with the diagnostics, named by the path) as read_csv does, and with
        status -3 when the file cannot be opened."""
        diagnostics = _vp()
        status = _observations_read_file(self.handle, _bytes(os.fspath(path)),
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


_FRAME_COLUMNS = {"unit": "unit", "单位": "unit", "单位名称": "unit",
                  "indicator": "indicator", "key": "indicator", "指标": "indicator", "指标编号": "indicator",
                  "year": "year", "年份": "year", "年度": "year",
                  "value": "value", "值": "value", "数值": "value"}


def _is_float(series):
    import numpy
    import pandas

    return pandas.api.types.is_float_dtype(series.dtype) and isinstance(series.dtype, numpy.dtype)


def _is_categorical(series):
    import pandas

    return isinstance(series.dtype, pandas.CategoricalDtype)


def _coded(series, keep, convert=None):
    """A column as a hact_coded_column: a Categorical's own codes, or
    pandas.factorize's (hashing in C, no Python per value); NaN is -1."""
    import numpy
    import pandas

    if _is_categorical(series):
        codes, categories = series.cat.codes.to_numpy(), series.cat.categories
    else:
        codes, categories = pandas.factorize(series)  # NaN and None: -1
    codes = numpy.ascontiguousarray(codes, dtype=numpy.int32)
    texts = [(convert or str)(c) for c in categories]
    packed, size = _packed_column(texts, str, series.name)
    keep.extend([codes, packed])
    return _CodedColumn(ctypes.sizeof(_CodedColumn), codes.ctypes.data if len(codes) else None,
                        packed, size, len(texts))


def _frame_column(series, values=False):
    """A column of a frame as one packed buffer, without per-value Python
    work where the column allows: a categorical joins its categories' codes,
    a numeric column is printed by numpy, strings are joined as they are."""
    import numpy
    import pandas

    nothing = series.isna().to_numpy()
    if isinstance(series.dtype, pandas.CategoricalDtype):
        categories = [str(c) for c in series.cat.categories] + [""]
        codes = series.cat.codes.to_numpy()
        texts = numpy.asarray(categories, dtype=object)[numpy.where(codes < 0, len(categories) - 1, codes)]
    elif pandas.api.types.is_bool_dtype(series.dtype):
        raise ValueError(f"column {series.name!r} holds booleans: write 实现 or 未实现")
    elif pandas.api.types.is_integer_dtype(series.dtype) and not nothing.any():
        texts = series.to_numpy().astype(str).astype(object)
    elif pandas.api.types.is_float_dtype(series.dtype) and isinstance(series.dtype, numpy.dtype):
        # numpy prints the shortest form that reads back the same double, as
        # Python's repr does: 74.6, not 74.59999…
        texts = series.to_numpy().astype(str).astype(object)
        texts[nothing] = ""
    else:
        texts = series.to_numpy(dtype=object, na_value="")
    convert = _value_text if values else (lambda v: "" if _is_nothing(v) else str(v))
    return _packed_column(texts.tolist(), convert, series.name)


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
        # The whole ranking in one call (hact_assessment_units): a call a
        # unit was most of the time a national assessment took here.
        count = len(self)
        ranking = (_UnitResult * count)()
        _check(_assessment_units(self.handle, 0, count, ranking))
        return [{"unit": u.unit.decode("utf-8"), "score": u.score.decode("utf-8"), "rank": u.rank,
                 "grade": u.grade.decode("utf-8")} for u in ranking]

    def verdict(self, position, indicator):
        """The verdict of the unit at `position` on indicator or part
        `indicator` ("9", "25.1"), as a dict with its name and part count."""
        v = _VerdictDetail()
        v.struct_size = ctypes.sizeof(_VerdictDetail)
        _check(_assessment_verdict_of(self.handle, position, _bytes(indicator), ctypes.byref(v)))
        return {"indicator": _text(v.indicator), "name": _text(v.name), "status": _STATUS_NAMES[v.status],
                "value": _text(v.value), "target": _text(v.target), "reason": _text(v.reason),
                "parts": v.part_count}

    def to_frame(self):
        """The assessment as a pandas DataFrame, one row a verdict (parts
        after their indicator): unit, indicator, name, status, value,
        target, reason, score, rank, grade; rows in rank order.  status is
        categorical; score a Decimal (exact, as the library computed it)."""
        import decimal
        import pandas

        numbers = []  # each indicator's number, then its parts'
        for index, info in enumerate(self._framework.indicators()):
            numbers.append((info["number"], [number for number, _ in self._framework.parts(index)]))
        rows = {k: [] for k in ("unit", "indicator", "name", "status", "value", "target", "reason",
                                "score", "rank", "grade")}
        for position, unit in enumerate(self.units()):
            for number, part_numbers in numbers:
                shown = [self.verdict(position, n) for n in [number] + part_numbers]
                for v in shown:
                    rows["unit"].append(unit["unit"])
                    for key in ("indicator", "name", "status", "value", "target", "reason"):
                        rows[key].append(v[key])
                    rows["score"].append(decimal.Decimal(unit["score"]))
                    rows["rank"].append(unit["rank"])
                    rows["grade"].append(unit["grade"])
        frame = pandas.DataFrame(rows)
        frame["status"] = pandas.Categorical(frame["status"], categories=_STATUS_NAMES)
        frame["rank"] = frame["rank"].astype("int32")
        return frame

    def findings_frame(self):
        """What validation found, one row a finding: unit, rule, kind,
        severity, indicators ("2,3"), message."""
        import pandas

        rows = []
        for position, unit in enumerate(self.units()):
            for finding in self.findings(position):
                rows.append({"unit": unit["unit"], "rule": finding["rule"], "kind": finding["kind"],
                             "severity": finding["severity"], "indicators": ",".join(finding["indicators"]),
                             "message": finding["message"]})
        return pandas.DataFrame(rows, columns=["unit", "rule", "kind", "severity", "indicators", "message"])

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

    def review(self, count, seed):
        """Draws `count` units for the spot-check, reproducibly from `seed`."""
        out = _vp()
        _check(_review_draw(self.handle, count, seed, ctypes.byref(out)))
        return Review(out, self._framework)

    def report(self, format="markdown", review=None):
        """The assessment report (考核报告) as text, with `review`'s discrepancies."""
        return _report_text(_report_assessment, self.handle, review.handle if review is not None else None,
                            format=format)

    def json(self, failures_only=False):
        out = _vp()
        _check(_assessment_json(self.handle, 1 if failures_only else 0, ctypes.byref(out)))
        try:
            return ctypes.string_at(out).decode("utf-8")
        finally:
            _free(out)


_FORMATS = {"markdown": 1, "json": 2, "html": 3}
_RESULT_FORMATS = {"json": 2, "csv": 4}


def _report_text(call, *args, format="markdown"):
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(_FORMATS)}")
    out, length = _vp(), _size()
    _check(call(*args, _FORMATS[format], ctypes.byref(out), ctypes.byref(length)))
    try:
        return ctypes.string_at(out, length.value).decode("utf-8")
    finally:
        _free(out)


def write_file(path, text):
    """Writes `text` (str or bytes) to `path` whole or not at all (PATH.partial, synced, renamed)."""
    data = _bytes(text)
    _check(_file_write(_bytes(os.fspath(path)), data, len(data)))


def monitoring_report(framework, observations, organisation=None, as_of=None, format="markdown"):
    """The monitoring report (监测评估报告) as text; with `organisation` and
    `as_of` ("2022-12-31"), the tasks overdue that day."""
    return _report_text(_report_monitoring, framework.handle, observations.handle,
                        organisation.handle if organisation is not None else None,
                        _bytes(as_of) if as_of is not None else None, format=format)


def monitoring_frame(framework, observations):
    """The monitoring data (监测) as a pandas DataFrame, one row a value
    reported: unit, year, indicator, name, basis, unit_of_measure, value,
    status, reason, on_track (True, False, or None when the path does not say)."""
    import json

    import pandas

    report = json.loads(monitoring_report(framework, observations, format="json"))
    rows = []
    for group in report["groups"]:
        for indicator in group["indicators"]:
            for value in indicator["values"]:
                rows.append({"unit": value["unit"], "year": value["year"], "indicator": indicator["indicator"],
                             "name": indicator["name"], "basis": group["basis"],
                             "unit_of_measure": indicator["unit"], "value": value["value"],
                             "status": value["status"], "reason": value["reason"], "on_track": value["on_track"]})
    columns = ["unit", "year", "indicator", "name", "basis", "unit_of_measure", "value", "status", "reason",
               "on_track"]
    return pandas.DataFrame(rows, columns=columns)


def actions_report(framework, observations, year, organisation=None, action=None, as_of=None,
                   format="markdown"):
    """The working groups' reports (专项行动实施进展专题报告) for `year`; with
    `organisation`, each action's lead department and its tasks on `as_of`."""
    return _report_text(_report_actions, framework.handle, observations.handle,
                        organisation.handle if organisation is not None else None, year, _optional(action),
                        _optional(as_of), format=format)


def overall_report(assessment, review=None, organisation=None, as_of=None, format="markdown"):
    """The office's overall monitoring and assessment report (总体监测评估报告)."""
    return _report_text(_report_overall, assessment.handle, review.handle if review is not None else None,
                        organisation.handle if organisation is not None else None, _optional(as_of),
                        format=format)


def departments_report(framework, observations, organisation, year, committee=None, as_of=None,
                       format="markdown"):
    """The departments' assessment (部门考核) by the framework's rule: "markdown" or "json"."""
    return _report_text(_report_departments, framework.handle, observations.handle, organisation.handle,
                        _optional(committee), year, _optional(as_of), format=format)


def aggregate(framework, observations, year):
    """Every parent's values for `year` from its children's: returns (the
    observations with them, the notes on what could not be aggregated)."""
    handle = _vp()
    _check(_aggregation_create(framework.handle, observations.handle, year, ctypes.byref(handle)))
    try:
        out = _vp()
        _check(_aggregation_observations(handle, ctypes.byref(out)))
        aggregated = Observations.__new__(Observations)
        _Handle.__init__(aggregated, out)
        count = _i32()
        _check(_aggregation_note_count(handle, ctypes.byref(count)))
        notes = []
        for i in range(count.value):
            note = _AggregationNote()
            _check(_aggregation_note_get(handle, i, ctypes.byref(note)))
            notes.append({"unit": _text(note.unit), "key": _text(note.key), "reason": _text(note.reason)})
        return aggregated, notes
    finally:
        _aggregation_free(handle)


def import_table(table, file_name="<table>", format="text", name=None, source=None, locator=None,
                 marked_fall_percent=None, continuous_years=None, baseline_year=None):
    """Imports an attachment table ("text": the seeds' tab form, or "csv")
    into a framework: returns (framework text, Framework, warnings); raises
    HealthactError with the diagnostics (and `text`, each bad cell marked)."""
    formats = {"text": 1, "csv": 2}
    if format not in formats:
        raise ValueError("format is 'text' or 'csv'")
    options = _ImportOptions(ctypes.sizeof(_ImportOptions), _optional(name), _optional(source), _optional(locator),
                             _optional(marked_fall_percent), continuous_years or 0, baseline_year or 0)
    data = _bytes(table)
    text, length, handle, diagnostics = _vp(), _size(), _vp(), _vp()
    status = _framework_import(data, len(data), _bytes(file_name), formats[format], ctypes.byref(options),
                               ctypes.byref(text), ctypes.byref(length), ctypes.byref(handle),
                               ctypes.byref(diagnostics))
    written = ctypes.string_at(text, length.value).decode("utf-8") if text else None
    _free(text)
    try:
        warnings = _check_with_diagnostics(status, diagnostics)
    except HealthactError as error:
        error.text = written
        raise
    return written, Framework(handle, warnings), warnings


class Review(_Handle):
    """The spot-check (复核): `Assessment.review(count, seed)` draws the
    units; `verify_csv(text)` compares the reviewers' verified values."""

    _release = staticmethod(_review_free)

    def __init__(self, handle, framework):
        super().__init__(handle)
        self._framework = framework

    def units(self):
        count = _i32()
        _check(_review_unit_count(self.handle, ctypes.byref(count)))
        result = []
        for i in range(count.value):
            name = ctypes.c_char_p()
            _check(_review_unit(self.handle, i, ctypes.byref(name)))
            result.append(_text(name.value))
        return result

    def verify_csv(self, text, file_name="<verified>"):
        data = _bytes(text)
        diagnostics = _vp()
        status = _review_verify_csv(self.handle, data, len(data), _bytes(file_name), ctypes.byref(diagnostics))
        return _check_with_diagnostics(status, diagnostics)

    def discrepancies(self):
        """Every verified value that differs from the reported one, as dicts."""
        count = _i32()
        _check(_review_discrepancy_count(self.handle, ctypes.byref(count)))
        result = []
        for i in range(count.value):
            d = _Discrepancy()
            _check(_review_discrepancy(self.handle, i, ctypes.byref(d)))
            result.append({"unit": _text(d.unit), "key": _text(d.key), "indicator": _text(d.indicator),
                           "reported": _text(d.reported), "verified": _text(d.verified),
                           "before": _STATUS_NAMES[d.before], "after": _STATUS_NAMES[d.after],
                           "reviewer": _text(d.reviewer), "reason": _text(d.reason), "line": d.line})
        return result

    def discrepancies_frame(self):
        import pandas

        columns = ["unit", "key", "indicator", "reported", "verified", "before", "after", "reviewer",
                   "reason", "line"]
        return pandas.DataFrame(self.discrepancies(), columns=columns)

    def recomputed(self):
        """The assessment recomputed on the verified values."""
        out = _vp()
        _check(_review_assessment(self.handle, ctypes.byref(out)))
        return Assessment(out, self._framework)


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

    def propose_change(self, committee, kind, date, role, post, proposed_by, approved_by,
                       document=None, concurrent=False):
        """Records a seat change ("add" or "remove") after the documents'
        procedure: proposed by the office, approved by the director's post."""
        kinds = {"add": 1, "remove": 2}
        if kind not in kinds:
            raise ValueError("kind is 'add' or 'remove'")
        change = _SeatChange(ctypes.sizeof(_SeatChange), kinds[kind], _bytes(date), _bytes(role), _bytes(post),
                             1 if concurrent else 0, _bytes(proposed_by), _bytes(approved_by),
                             _bytes(document) if document is not None else None)
        _check(_organisation_propose_change(self.handle, committee, ctypes.byref(change)))

    def overdue_tasks(self, committee, date):
        """Tasks past their due date and not done on `date`, as dicts."""
        tasks = _vp()
        _check(_tasks_overdue(self.handle, committee, _bytes(date), ctypes.byref(tasks)))
        try:
            count = _i32()
            _check(_tasks_count(tasks, ctypes.byref(count)))
            result = []
            for i in range(count.value):
                task = _Task()
                _check(_tasks_get(tasks, i, ctypes.byref(task)))
                result.append({"description": _text(task.description), "owner": _text(task.owner),
                               "due": _text(task.due), "meeting": _text(task.meeting)})
            return result
        finally:
            _tasks_free(tasks)

    def approver(self, committee, date):
        """(post, person) who approves seat changes on `date`; person None when unnamed."""
        post, person = ctypes.c_char_p(), ctypes.c_char_p()
        _check(_organisation_approver(self.handle, committee, _bytes(date), ctypes.byref(post),
                                      ctypes.byref(person)))
        return _text(post.value), _text(person.value) or None


def _optional(value):
    return _bytes(value) if value is not None else None


def _names(value):
    """A list of names as the C interface takes them ("马斌、魏士博"), or None."""
    if value is None:
        return None
    return _bytes(value if isinstance(value, str) else "、".join(value))


def _taken(buffer_call, *args):
    """Calls a function that hands a buffer over (char**, size_t*); returns its text."""
    out, length = _vp(), _size()
    _check(buffer_call(*args, ctypes.byref(out), ctypes.byref(length)))
    try:
        return ctypes.string_at(out, length.value).decode("utf-8")
    finally:
        _free(out)


_STEPS = {"approve": 1, "publish": 2, "withdraw": 3, "reopen": 4, "report_form": 5, "report_agree": 6,
          "report_send_up": 7, "report_circulate": 8, "report_release": 9}


class Round(_Handle):
    """The assessment round (考核轮次) kept in one file: `Round.create` opens
    a new one, `Round.open` an existing one.  Each step is checked against the
    documents' procedure (who may take it, in which state) and written before
    the call returns; a step refused raises HealthactError and writes nothing.
    Every `at` is "2023-01-05T09:30:00" (or a date); None is now."""

    _release = staticmethod(_round_free)

    @classmethod
    def create(cls, path, framework, organisation, units, year, trial=False, targets_of=None, committee=None,
               level=None, within=None, group=None, deadline=None, send_up_deadline=None, by=None, at=None):
        """A new file at `path` (refused if it exists): the round of `year`
        over the units of `units` (an Observations that has read a units file),
        at `level` ("县区") under `within`, by `organisation`'s committee."""
        definition = _RoundDefinition(ctypes.sizeof(_RoundDefinition), year, 1 if trial else 0, targets_of or 0,
                                      _optional(committee), _optional(level), _optional(within), _names(group),
                                      _optional(deadline), _optional(send_up_deadline), _optional(by),
                                      _optional(at))
        out = _vp()
        _check(_round_create(_bytes(os.fspath(path)), framework.handle, organisation.handle, units.handle,
                             ctypes.byref(definition), ctypes.byref(out)))
        return cls(out)

    @classmethod
    def open(cls, path, read_only=False):
        out = _vp()
        _check(_round_open(_bytes(os.fspath(path)), 1 if read_only else 0, ctypes.byref(out)))
        return cls(out)

    @classmethod
    def import_history(cls, path, framework, organisation, jsonl):
        """A new file at `path` from a history kept elsewhere (the JSON lines
        `history()` gives), written whole once it replays, or not at all."""
        data = _bytes(jsonl)
        out = _vp()
        _check(_round_import(_bytes(os.fspath(path)), framework.handle, organisation.handle, data, len(data),
                             ctypes.byref(out)))
        return cls(out)

    def framework(self):
        """The framework the round assesses, as its file keeps it."""
        out = _vp()
        _check(_round_framework(self.handle, ctypes.byref(out)))
        return Framework(out, [])

    def submit(self, unit, figures, by, document=None, at=None):
        """Unit `unit`'s figures (a data file's text); returns the warnings."""
        data = _bytes(figures)
        diagnostics = _vp()
        status = _round_submit(self.handle, _bytes(unit), _bytes(by), _optional(document), data, len(data),
                               _optional(at), ctypes.byref(diagnostics))
        return _check_with_diagnostics(status, diagnostics)

    def accept(self, unit, by, at=None):
        _check(_round_accept(self.handle, _bytes(unit), _bytes(by), _optional(at)))

    def return_for_correction(self, unit, by, reason, at=None):
        """退回: the unit's latest submission goes back, with the reason."""
        _check(_round_return(self.handle, _bytes(unit), _bytes(by), _bytes(reason), _optional(at)))

    def review(self, by, verified, group=None, count=0, seed=0, at=None):
        """The spot-check: `count` units drawn from `seed`, or (count 0) those
        `verified` names; returns the Review with what it found."""
        data = _bytes(verified)
        diagnostics, out = _vp(), _vp()
        status = _round_review(self.handle, _bytes(by), _names(group), count, seed, data, len(data),
                               _optional(at), ctypes.byref(diagnostics), ctypes.byref(out))
        _check_with_diagnostics(status, diagnostics)
        return Review(out, self.framework())

    def step(self, step, by, text=None, at=None):
        """A step of the round as a whole: "approve", "publish", "withdraw"
        (text: the reason), "reopen" (the reason), "report_form" (text: the
        report), "report_agree", "report_send_up", "report_circulate",
        "report_release"."""
        if step not in _STEPS:
            raise ValueError(f"step must be one of {', '.join(_STEPS)}")
        _check(_round_step(self.handle, _STEPS[step], _bytes(by), _optional(text), _optional(at)))

    def receive(self, path, by, unit=None, at=None):
        """A unit's own round, sent up as its file."""
        _check(_round_receive(self.handle, _bytes(os.fspath(path)), _optional(unit), _bytes(by), _optional(at)))

    def status(self, as_of=None):
        """Where the round stands after its steps up to `as_of`: a dict with
        "units", one dict a unit."""
        handle = _vp()
        _check(_round_status_create(self.handle, _optional(as_of), ctypes.byref(handle)))
        try:
            summary = _RoundSummary()
            summary.struct_size = ctypes.sizeof(_RoundSummary)
            _check(_round_status_summary(handle, ctypes.byref(summary)))
            units = []
            for i in range(summary.unit_count):
                u = _RoundUnit()
                _check(_round_status_unit(handle, i, ctypes.byref(u)))
                units.append({"unit": _text(u.unit), "state": _text(u.state_name), "revisions": u.revisions,
                              "last_submitted": _text(u.last_submitted) or None, "late": bool(u.late),
                              "returned_reason": _text(u.returned_reason) or None})
            return {"framework": _text(summary.framework), "year": summary.year,
                    "kind": "trial" if summary.kind == 1 else "official", "targets_of": summary.targets_of or None,
                    "state": _text(summary.state_name), "approved_by": _text(summary.approved_by) or None,
                    "approved_at": _text(summary.approved_at) or None,
                    "published_at": _text(summary.published_at) or None, "events": summary.event_count,
                    "units": units}
        finally:
            _round_status_free(handle)

    def status_frame(self, as_of=None):
        """The units' submissions as a DataFrame (pandas)."""
        import pandas

        columns = ["unit", "state", "revisions", "last_submitted", "late", "returned_reason"]
        return pandas.DataFrame(self.status(as_of)["units"], columns=columns)

    def history(self, as_of=None):
        """The steps as JSON lines, which `import_history` reads back."""
        return _taken(_round_history, self.handle, _optional(as_of))

    def export(self, format="json"):
        """The approved round's result: "json" or "csv" (round_kind first)."""
        if format not in _RESULT_FORMATS:
            raise ValueError(f"format must be one of {', '.join(_RESULT_FORMATS)}")
        return _taken(_round_export, self.handle, _RESULT_FORMATS[format])

    def assessment(self):
        """The approved round's result as an Assessment (the spot-check's values in place)."""
        out = _vp()
        _check(_round_assessment(self.handle, ctypes.byref(out)))
        return Assessment(out, self.framework())


if _version_number() // 10000 != 0:
    raise ImportError("this binding is for healthact 0.x; the library is "
                      + _text(_version_string()))
