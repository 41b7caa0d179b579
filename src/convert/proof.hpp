#pragma once

// The proof pack laid out as a PDF that carries its JSON twin as an embedded file, and the twin
// read back out of such a PDF. What the proof states is gathered by workflow/proof.*.

#include <string>

#include "core/result.hpp"
#include "workflow/proof.hpp"

namespace copydesk::convert {

//! What a file that is no proof is told (field `file`).
inline constexpr const char* kNotAProof = "is not a copydesk proof (its JSON twin or its PDF)";

//! The name of the JSON twin inside a proof's PDF.
inline constexpr const char* kProofAttachmentName = "copydesk-proof.json";

//! The proof as a PDF for people to read — the revision's full text and files, its hash, every
//! decision with its state, the status changes and the changes since — with `json_twin` embedded
//! as a file attachment, so that the one file both shows and can be verified.
Result<std::string> RenderProofPdf(const workflow::Proof& proof, const std::string& json_twin);

//! The JSON twin embedded in a proof's PDF (pdfdetach); 422 naming `file` when the PDF carries
//! none or is not a PDF.
Result<std::string> ExtractProofJson(const std::string& pdf);

}  // namespace copydesk::convert
