// An assessment as text: JSON (the stable format other software reads), CSV,
// Markdown, and an aligned table for a terminal.
#ifndef HEALTHACT_ASSESSMENT_TEXT_HPP_
#define HEALTHACT_ASSESSMENT_TEXT_HPP_

#include <functional>
#include <string>
#include <string_view>

#include "healthact/assess/assessment.hpp"

namespace healthact {

// {"framework": name, "year": 2022, "record": {…}, "units": [{"unit": name,
//  "score": "87.50", "rank": 2, "grade": "良好", "verdicts": [{"indicator": "1",
//  "status": "met", "value": "74.8", "target": "≥74.6", "reason": "…",
//  "parts": [...]}]}]}.  Units in rank order; decimals as strings.  With
// Explanation::kFailures only verdicts other than met and not_applicable.
std::string AssessmentToJson(const Assessment& assessment, Explanation explanation);

// One row per unit and indicator:
// unit,rank,score,grade,indicator,status,value,target,reason.
std::string AssessmentToCsv(const Assessment& assessment, Explanation explanation);

// Where a streamed text goes, a piece at a time and in order (standard
// output, a file, a caller's buffer); the writer keeps none of it.
using TextSink = std::function<void(std::string_view)>;

// AssessmentToJson and AssessmentToCsv a unit at a time, each unit's text
// handed to `sink` as soon as it is made: the memory of one unit's text, not
// of the whole (90 MB for 40 000 units explained in full).
void WriteAssessmentJson(const Assessment& assessment, Explanation explanation, const TextSink& sink);
void WriteAssessmentCsv(const Assessment& assessment, Explanation explanation, const TextSink& sink);

// The ranking as a Markdown table, then each unit's verdicts with reasons.
std::string AssessmentToMarkdown(const Assessment& assessment, Explanation explanation);

// The ranking, aligned in a terminal (Chinese characters are two columns);
// Write… streams it as the JSON and CSV writers do.
std::string AssessmentToTable(const Assessment& assessment);
void WriteAssessmentTable(const Assessment& assessment, const TextSink& sink);

// Columns a string takes in a terminal: East Asian wide characters count 2.
int DisplayWidth(std::string_view text);

}  // namespace healthact

#endif  // HEALTHACT_ASSESSMENT_TEXT_HPP_
