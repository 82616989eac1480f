// hact_report_*: the assessment report (考核报告), the monitoring report
// (监测评估报告), the working groups' and the office's overall reports and the
// departments' assessment, rendered to a buffer as Markdown, JSON or a
// standalone HTML page; hact_file_write puts a buffer in a file without leaving half of one.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <algorithm>

#include "handles.hpp"
#include "healthact/assess/department_assessment.hpp"
#include "healthact/report/actions_report.hpp"
#include "healthact/report/departments_report.hpp"
#include "healthact/report/overall_report.hpp"
#include "healthact/report/report.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

namespace healthact::capi {
namespace {

// HACT_OK if `format` is one of the text formats, with a failure otherwise.
int32_t CheckFormat(int32_t format) {
  if (format == HACT_FORMAT_MARKDOWN || format == HACT_FORMAT_JSON || format == HACT_FORMAT_HTML) {
    return HACT_OK;
  }
  return Fail(HACT_ERROR_INVALID, Format("unknown report format $0 (HACT_FORMAT_MARKDOWN, _JSON or _HTML)", std::to_string(format)));
}

// What a spot-check found, for a report that shows it: nullptr for no
// review, an error for one not yet verified.
int32_t Verified(const hact_review* review, const ReviewResult*& checked) {
  checked = nullptr;
  if (review == nullptr) return HACT_OK;
  if (!review->result) return Fail(HACT_ERROR_INVALID, std::string(Tr("the review has no verified values yet")));
  checked = &*review->result;
  return HACT_OK;
}

// `as_of` ("2022-12-31") into *date; NULL leaves it unset.
int32_t DateOf(const char* as_of, std::optional<Date>& date) {
  if (as_of == nullptr) return HACT_OK;
  if (const int32_t status = CheckUtf8(as_of, "as_of")) return status;
  date = Date::Parse(as_of);
  if (!date) return Fail(HACT_ERROR_INVALID, Format("not a date (2022-12-31): $0", as_of));
  return HACT_OK;
}

// Renders a report built once in the format asked for.
template <typename Report>
int32_t Rendered(const Report& report, int32_t format, std::string (*markdown)(const Report&),
                 std::string (*json)(const Report&), std::string (*html)(const Report&), char** bytes,
                 size_t* length) {
  return CopyOut(format == HACT_FORMAT_MARKDOWN ? markdown(report)
                 : format == HACT_FORMAT_JSON   ? json(report)
                                                : html(report),
                 bytes, length);
}

}  // namespace
}  // namespace healthact::capi

using namespace healthact::capi;

extern "C" {

int32_t hact_report_assessment(const hact_assessment* assessment, const hact_review* review,
                               int32_t format, char** bytes, size_t* length) {
  return Guard([&] {
    if (bytes != nullptr) *bytes = nullptr;
    if (assessment == nullptr) return NullArgument("assessment");
    if (bytes == nullptr) return NullArgument("bytes");
    if (const int32_t status = CheckFormat(format)) return status;
    const healthact::ReviewResult* checked = nullptr;
    if (const int32_t status = Verified(review, checked)) return status;
    const healthact::Assessment& a = *assessment->assessment;
    const std::string text = format == HACT_FORMAT_MARKDOWN ? healthact::AssessmentReportMarkdown(a, checked)
                             : format == HACT_FORMAT_JSON   ? healthact::AssessmentReportJson(a, checked)
                                                            : healthact::AssessmentReportHtml(a, checked);
    return CopyOut(text, bytes, length);
  });
}

int32_t hact_report_monitoring(const hact_framework* framework, const hact_observations* observations,
                               const hact_organisation* organisation, const char* as_of, int32_t format,
                               char** bytes, size_t* length) {
  return Guard([&] {
    if (bytes != nullptr) *bytes = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (bytes == nullptr) return NullArgument("bytes");
    if (const int32_t status = CheckFormat(format)) return status;
    healthact::MonitoringRequest request;
    request.framework = framework->framework;
    request.observations = observations->observations;
    if (organisation != nullptr) request.organisation = organisation->organisation;
    if (const int32_t status = DateOf(as_of, request.as_of)) return status;
    if (request.observations->unit_count() == 0) {
      return Fail(HACT_ERROR_INVALID, std::string(Tr("the observations have no unit: nothing to monitor")));
    }
    const healthact::MonitoringReport report = healthact::BuildMonitoringReport(request);
    return Rendered(report, format, &healthact::MonitoringReportMarkdown, &healthact::MonitoringReportJson,
                    &healthact::MonitoringReportHtml, bytes, length);
  });
}

int32_t hact_file_write(const char* path, const char* bytes, size_t length) {
  return Guard([&] {
    if (path == nullptr) return NullArgument("path");
    if (bytes == nullptr && length > 0) return NullArgument("bytes");
    if (*path == '\0') return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("path is empty")));
    if (const int32_t status = CheckUtf8(path, "path")) return status;
    // Written beside the target and renamed over it once complete and on
    // disk: a process killed midway leaves the old file or the new, never
    // half of one.
    const std::string partial = std::string(path) + ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Fail(HACT_ERROR_INVALID, Format("cannot write $0: $1", partial, std::strerror(errno)));
    size_t written = 0;
    while (written < length) {
      const ssize_t n = ::write(fd, bytes + written, length - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        ::unlink(partial.c_str());
        return Fail(HACT_ERROR_INVALID, Format("cannot write $0: $1", partial, why));
      }
      written += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
      const std::string why = std::strerror(errno);
      ::unlink(partial.c_str());
      return Fail(HACT_ERROR_INVALID, Format("cannot write $0: $1", partial, why));
    }
    if (std::rename(partial.c_str(), path) != 0) {
      const std::string why = std::strerror(errno);
      ::unlink(partial.c_str());
      return Fail(HACT_ERROR_INVALID, Format("cannot rename $0 to $1: $2", partial, path, why));
    }
    return HACT_OK;
  });
}

int32_t hact_report_actions(const hact_framework* framework, const hact_observations* observations,
                            const hact_organisation* organisation, int32_t year, const char* action,
                            const char* as_of, int32_t format, char** bytes, size_t* length) {
  return Guard([&] {
    if (bytes != nullptr) *bytes = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (bytes == nullptr) return NullArgument("bytes");
    if (const int32_t status = CheckFormat(format)) return status;
    if (const int32_t status = CheckUtf8(action, "action")) return status;
    if (absl::Status year_ok = healthact::CheckYear(year); !year_ok.ok()) {
      return Fail(HACT_ERROR_INVALID, std::string(year_ok.message()));
    }
    healthact::ActionsRequest request;
    request.framework = framework->framework;
    request.observations = observations->observations;
    request.year = year;
    if (organisation != nullptr) request.organisation = organisation->organisation;
    if (const int32_t status = DateOf(as_of, request.as_of)) return status;
    if (action != nullptr) {
      const auto& actions = framework->framework->actions();
      if (std::none_of(actions.begin(), actions.end(),
                       [&](const healthact::SpecialAction& a) { return a.name == action; })) {
        return Fail(HACT_ERROR_NOT_FOUND, Format("the framework has no special action '$0'", action));
      }
      request.action = action;
    }
    if (request.observations->unit_count() == 0) {
      return Fail(HACT_ERROR_INVALID, std::string(Tr("the observations have no unit: nothing to report")));
    }
    const healthact::ActionsReport report = healthact::BuildActionsReport(request);
    return Rendered(report, format, &healthact::ActionsReportMarkdown, &healthact::ActionsReportJson,
                    &healthact::ActionsReportHtml, bytes, length);
  });
}

int32_t hact_report_overall(const hact_assessment* assessment, const hact_review* review,
                            const hact_organisation* organisation, const char* as_of, int32_t format, char** bytes,
                            size_t* length) {
  return Guard([&] {
    if (bytes != nullptr) *bytes = nullptr;
    if (assessment == nullptr) return NullArgument("assessment");
    if (bytes == nullptr) return NullArgument("bytes");
    if (const int32_t status = CheckFormat(format)) return status;
    const healthact::ReviewResult* checked = nullptr;
    if (const int32_t status = Verified(review, checked)) return status;
    const healthact::Assessment& a = *assessment->assessment;
    healthact::ActionsRequest request;
    request.framework = a.framework_ptr();
    request.observations = a.observations_ptr();
    request.year = a.year();
    request.options = a.options();
    if (organisation != nullptr) request.organisation = organisation->organisation;
    if (const int32_t status = DateOf(as_of, request.as_of)) return status;
    const healthact::OverallReport report = healthact::BuildOverallReport(
        healthact::BuildActionsReport(request), healthact::BuildAssessmentReport(a, checked));
    return Rendered(report, format, &healthact::OverallReportMarkdown, &healthact::OverallReportJson,
                    &healthact::OverallReportHtml, bytes, length);
  });
}

int32_t hact_report_departments(const hact_framework* framework, const hact_observations* observations,
                                const hact_organisation* organisation, const char* committee, int32_t year,
                                const char* as_of, int32_t format, char** bytes, size_t* length) {
  return Guard([&] {
    if (bytes != nullptr) *bytes = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (organisation == nullptr) return NullArgument("organisation");
    if (bytes == nullptr) return NullArgument("bytes");
    if (format != HACT_FORMAT_MARKDOWN && format != HACT_FORMAT_JSON) {
      return Fail(HACT_ERROR_INVALID, Format("the departments' assessment is HACT_FORMAT_MARKDOWN or _JSON, not format $0", std::to_string(format)));
    }
    if (const int32_t status = CheckUtf8(committee, "committee")) return status;
    healthact::DepartmentRequest request;
    request.framework = framework->framework;
    request.observations = observations->observations;
    request.organisation = organisation->organisation;
    request.year = year;
    if (committee != nullptr) request.committee = committee;
    if (const int32_t status = DateOf(as_of, request.as_of)) return status;
    const absl::StatusOr<healthact::DepartmentAssessment> assessed = healthact::AssessDepartments(request);
    if (!assessed.ok()) return FailWith(assessed.status());
    return CopyOut(format == HACT_FORMAT_MARKDOWN ? healthact::DepartmentsMarkdown(*assessed)
                                                  : healthact::DepartmentsJson(*assessed),
                   bytes, length);
  });
}

}  // extern "C"
