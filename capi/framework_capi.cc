// hact_framework_*: frameworks parsed from text, with or without a resolver
// for 继承, or loaded from a path; their indicators and targets.
#include <memory>
#include <string>

#include "handles.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/lang/framework_files.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

namespace healthact::capi {

std::unique_ptr<hact_framework> MakeFramework(std::shared_ptr<const Framework> framework) {
  auto handle = std::make_unique<hact_framework>();
  handle->framework = std::move(framework);
  const auto& indicators = handle->framework->indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    handle->units.push_back(indicators[i].measure_unit
                                ? std::string(MeasureUnitSymbol(*indicators[i].measure_unit))
                                : "");
    for (const Target& target : indicators[i].targets) {
      handle->targets[{static_cast<int32_t>(i), target.year}] = TargetText(target.form);
    }
  }
  return handle;
}

std::optional<std::pair<std::size_t, int32_t>> FindNumber(const Framework& framework,
                                                          std::string_view number) {
  const auto& indicators = framework.indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].number == number) return std::pair{i, int32_t{-1}};
    for (std::size_t p = 0; p < indicators[i].parts.size(); ++p) {
      if (indicators[i].parts[p].number == number) return std::pair{i, static_cast<int32_t>(p)};
    }
  }
  return std::nullopt;
}

namespace {

// Parses `text` and hands over the framework and its diagnostics.
int32_t ParseInto(std::string_view text, const char* file_name, const ParseOptions& options,
                  hact_framework** framework, hact_diagnostics** diagnostics) {
  ParsedFramework parsed =
      ParseFramework(text, file_name != nullptr ? file_name : "<text>", options);
  const bool ok = parsed.ok();
  if (const int32_t status = HandOver(std::move(parsed.diagnostics), ok, diagnostics)) return status;
  *framework = MakeFramework(std::move(parsed.framework)).release();
  return HACT_OK;
}

// The caller's hact_resolver as a SourceResolver: what it hands back is copied
// at once, so its buffer need only live until it is called again.
SourceResolver CallerResolver(hact_resolver resolver, void* context) {
  return [resolver, context](std::string_view name,
                             std::string_view from_file) -> absl::StatusOr<FrameworkSource> {
    const std::string name_text(name), from_text(from_file);
    const char* text = nullptr;
    size_t length = 0;
    const char* resolved_name = nullptr;
    const int32_t status = resolver(context, name_text.c_str(), from_text.c_str(), &text, &length,
                                    &resolved_name);
    if (status != HACT_OK) return absl::NotFoundError(Format("the resolver found no framework $0", name_text));
    if (text == nullptr) return absl::InvalidArgumentError(Format("the resolver gave no text for $0", name_text));
    FrameworkSource source{resolved_name != nullptr ? resolved_name : name_text, std::string(text, length)};
    if (CheckUtf8(source.file_name, "the resolved name") != HACT_OK) {
      return absl::InvalidArgumentError(LastError());
    }
    return source;
  };
}

}  // namespace
}  // namespace healthact::capi

using namespace healthact::capi;

extern "C" {

int32_t hact_framework_parse(const char* text, size_t length, const char* file_name,
                             hact_framework** framework, hact_diagnostics** diagnostics) {
  return hact_framework_parse_with(text, length, file_name, nullptr, nullptr, framework, diagnostics);
}

int32_t hact_framework_parse_with(const char* text, size_t length, const char* file_name,
                                  hact_resolver resolver, void* context, hact_framework** framework,
                                  hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (framework != nullptr) *framework = nullptr;
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (text == nullptr) return NullArgument("text");
    if (framework == nullptr) return NullArgument("framework");
    if (const int32_t status = CheckUtf8(file_name, "file_name")) return status;
    healthact::ParseOptions options;
    if (resolver != nullptr) options.resolver = CallerResolver(resolver, context);
    return ParseInto(std::string_view(text, length), file_name, options, framework, diagnostics);
  });
}

int32_t hact_framework_load(const char* path, hact_framework** framework,
                            hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (framework != nullptr) *framework = nullptr;
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (path == nullptr) return NullArgument("path");
    if (framework == nullptr) return NullArgument("framework");
    if (*path == '\0') return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("path is empty")));
    if (const int32_t status = CheckUtf8(path, "path")) return status;
    absl::StatusOr<std::string> text = healthact::ReadTextFile(path);
    if (!text.ok()) {
      return Fail(absl::IsNotFound(text.status()) ? HACT_ERROR_NOT_FOUND : HACT_ERROR_INVALID,
                  std::string(text.status().message()));
    }
    healthact::ParseOptions options;
    options.resolver = healthact::FileResolver();
    return ParseInto(*text, path, options, framework, diagnostics);
  });
}

void hact_framework_free(hact_framework* framework) { delete framework; }

int32_t hact_framework_name(const hact_framework* framework, const char** name) {
  return Guard([&] {
    if (framework == nullptr) return NullArgument("framework");
    if (name == nullptr) return NullArgument("name");
    *name = framework->framework->name().c_str();
    return HACT_OK;
  });
}

int32_t hact_framework_indicator_count(const hact_framework* framework, int32_t* count) {
  return Guard([&] {
    if (framework == nullptr) return NullArgument("framework");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(framework->framework->indicators().size());
    return HACT_OK;
  });
}

int32_t hact_framework_indicator(const hact_framework* framework, int32_t index, hact_indicator* out) {
  return Guard([&] {
    if (framework == nullptr) return NullArgument("framework");
    if (out == nullptr) return NullArgument("out");
    const auto& indicators = framework->framework->indicators();
    if (index < 0 || static_cast<std::size_t>(index) >= indicators.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("indicator index out of range")));
    }
    const healthact::Indicator& indicator = indicators[index];
    out->number = indicator.number.c_str();
    out->name = indicator.name.c_str();
    out->unit = framework->units[index].c_str();
    out->basis = indicator.basis.c_str();
    out->part_count = static_cast<int32_t>(indicator.parts.size());
    return HACT_OK;
  });
}

int32_t hact_framework_part(const hact_framework* framework, int32_t index, int32_t part,
                            const char** number, const char** name) {
  return Guard([&] {
    if (framework == nullptr) return NullArgument("framework");
    if (number == nullptr || name == nullptr) return NullArgument("number or name");
    const auto& indicators = framework->framework->indicators();
    if (index < 0 || static_cast<std::size_t>(index) >= indicators.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("indicator index out of range")));
    }
    const auto& parts = indicators[index].parts;
    if (part < 0 || static_cast<std::size_t>(part) >= parts.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("part index out of range")));
    }
    *number = parts[part].number.c_str();
    *name = parts[part].name.c_str();
    return HACT_OK;
  });
}

int32_t hact_framework_indicator_find(const hact_framework* framework, const char* number,
                                      int32_t* index, int32_t* part) {
  return Guard([&] {
    if (framework == nullptr) return NullArgument("framework");
    if (number == nullptr) return NullArgument("number");
    if (index == nullptr) return NullArgument("index");
    if (const int32_t status = CheckUtf8(number, "number")) return status;
    const auto found = FindNumber(*framework->framework, number);
    if (!found) {
      return Fail(HACT_ERROR_NOT_FOUND, Format("the framework has no indicator or part $0", number));
    }
    *index = static_cast<int32_t>(found->first);
    if (part != nullptr) *part = found->second;
    return HACT_OK;
  });
}

int32_t hact_framework_target(const hact_framework* framework, int32_t index, int32_t year,
                              const char** target) {
  return Guard([&] {
    if (framework == nullptr) return NullArgument("framework");
    if (target == nullptr) return NullArgument("target");
    if (index < 0 || static_cast<std::size_t>(index) >= framework->framework->indicators().size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("indicator index out of range")));
    }
    const auto it = framework->targets.find({index, year});
    if (it == framework->targets.end()) {
      return Fail(HACT_ERROR_NOT_FOUND, std::string(Tr("no target for that indicator and year")));
    }
    *target = it->second.c_str();
    return HACT_OK;
  });
}

}  // extern "C"
