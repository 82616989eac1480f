// Runs the corpus of small framework files in tests/conformance/.  Each file
// states the diagnostics it must produce in comment lines
//   # expect: E006 4:6
// (code, line, column in code points), and produces exactly those: no more,
// no fewer, in Chinese and in English.  The same corpus is meant to run
// through every interface.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include "healthact/core/language.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/import/table_import.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

namespace fs = std::filesystem;
using ::healthact::testing::ReadTextFile;

const fs::path& CorpusDir() {
  static const fs::path kDir = fs::path(HEALTHACT_SOURCE_DIR) / "tests" / "conformance";
  return kDir;
}

// The files of one folder of the corpus with one extension, sorted.
std::vector<fs::path> FilesIn(const fs::path& folder, std::string_view extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> CorpusFiles() { return FilesIn(CorpusDir(), ".ha"); }

std::vector<std::string> Expectations(const std::string& text) {
  static const std::regex kExpect(R"(# expect: ([EW]\d{3} \d+:\d+))");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kExpect);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Runs `read(text, file_name, diagnostics)` on every file and compares its
// diagnostics with the file's expectations; `read` returns whether the input
// was accepted, which must be exactly when no error is expected.
template <typename Read>
void RunCorpus(const std::vector<fs::path>& files, std::size_t at_least, Read read) {
  ASSERT_GE(files.size(), at_least);
  // In both languages: the words differ, the codes and positions may not.
  for (const Language language : {Language::kChinese, Language::kEnglish}) {
    for (const fs::path& path : files) {
      const ScopedLanguage in(language);
      SCOPED_TRACE(path.filename().string() + (language == Language::kChinese ? " (zh)" : " (en)"));
      const std::string text = ReadTextFile(path.string());
      const std::vector<std::string> expected = Expectations(text);
      ASSERT_FALSE(expected.empty()) << "no '# expect:' line";
      std::vector<Diagnostic> diagnostics;
      const bool accepted = read(text, path.filename().string(), diagnostics);
      std::vector<std::string> got;
      for (const Diagnostic& d : diagnostics) {
        got.push_back(DiagnosticCodeString(d.code) + " " + std::to_string(d.line) + ":" +
                      std::to_string(d.column));
        EXPECT_FALSE(d.message.empty());
      }
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, expected);
      const bool expects_error = std::any_of(expected.begin(), expected.end(),
                                             [](const std::string& e) { return e[0] == 'E'; });
      EXPECT_EQ(accepted, !expects_error);
    }
  }
}

ParseOptions CorpusResolver() {
  ParseOptions options;
  options.resolver = [](std::string_view name, std::string_view)
      -> absl::StatusOr<FrameworkSource> {
    const fs::path path = CorpusDir() / std::string(name);
    if (!fs::exists(path)) return absl::NotFoundError("no such file");
    return FrameworkSource{std::string(name), ReadTextFile(path.string())};
  };
  return options;
}

TEST(Conformance, EveryFileGivesExactlyItsExpectedDiagnostics) {
  RunCorpus(CorpusFiles(), 20, [](const std::string& text, const std::string& name,
                                  std::vector<Diagnostic>& diagnostics) {
    ParsedFramework parsed = ParseFramework(text, name, CorpusResolver());
    diagnostics = parsed.diagnostics;
    return parsed.ok();
  });
}

std::vector<fs::path> DataCorpusFiles() { return FilesIn(CorpusDir() / "data", ".csv"); }

// Data files are read against data/framework.ha; units-*.csv are tree files.
TEST(Conformance, EveryDataFileGivesExactlyItsExpectedDiagnostics) {
  ParsedFramework framework =
      ParseFramework(ReadTextFile((CorpusDir() / "data" / "framework.ha").string()), "framework.ha");
  ASSERT_TRUE(framework.ok());
  RunCorpus(DataCorpusFiles(), 8, [&](const std::string& text, const std::string& name,
                                      std::vector<Diagnostic>& diagnostics) {
    Observations observations;
    diagnostics = name.starts_with("units-")
                      ? ReadUnitsCsv(text, name, observations)
                      : ReadObservationsCsv(text, name, framework.framework.get(), observations);
    return !HasErrors(diagnostics);
  });
}

std::vector<fs::path> OrgCorpusFiles() { return FilesIn(CorpusDir() / "org", ".ha"); }

TEST(Conformance, EveryOrganisationFileGivesExactlyItsExpectedDiagnostics) {
  RunCorpus(OrgCorpusFiles(), 8, [](const std::string& text, const std::string& name,
                                    std::vector<Diagnostic>& diagnostics) {
    ParsedOrganisation parsed = ParseOrganisation(text, name);
    diagnostics = parsed.diagnostics;
    return parsed.ok();
  });
}

std::vector<fs::path> TableCorpusFiles() { return FilesIn(CorpusDir() / "table", ".txt"); }

// Indicator tables in the seeds' text form, read and imported.
TEST(Conformance, EveryTableFileGivesExactlyItsExpectedDiagnostics) {
  RunCorpus(TableCorpusFiles(), 8, [](const std::string& text, const std::string& name,
                                      std::vector<Diagnostic>& diagnostics) {
    const TableRead read = ReadTextTable(text, name);
    diagnostics = read.diagnostics;
    if (!read.ok()) return false;
    const ImportedFramework imported = ImportTable(read.table, {});
    diagnostics.insert(diagnostics.end(), imported.diagnostics.begin(), imported.diagnostics.end());
    return imported.ok();
  });
}

TEST(Conformance, CorpusCoversEveryDiagnosticCode) {
  std::set<std::string> covered;
  std::vector<fs::path> all = CorpusFiles();
  for (const fs::path& path : DataCorpusFiles()) all.push_back(path);
  for (const fs::path& path : OrgCorpusFiles()) all.push_back(path);
  for (const fs::path& path : TableCorpusFiles()) all.push_back(path);
  for (const fs::path& path : all) {
    for (const std::string& e : Expectations(ReadTextFile(path.string()))) {
      covered.insert(e.substr(0, 4));
    }
  }
  for (DiagnosticCode code : AllDiagnosticCodes()) {
    EXPECT_TRUE(covered.count(DiagnosticCodeString(code)))
        << DiagnosticCodeString(code) << " " << DiagnosticCodeName(code)
        << " has no file in tests/conformance/";
  }
}

}  // namespace
}  // namespace healthact
