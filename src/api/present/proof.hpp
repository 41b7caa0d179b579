#pragma once

// The proof pack's JSON twin (docs/export-and-proof.md), and the answer of a proof's check.

#include <boost/json/object.hpp>

#include "workflow/proof.hpp"

namespace copydesk::api {

//! The server's version, as proofs and the health answer state it.
const char* ServerVersion();

//! The JSON twin of a proof: what the PDF shows, as data, with proof_version 1.
boost::json::object ProofJson(const workflow::Proof& proof);

//! `{"matches", "checks": [{"what", "ok", "detail"}], "content": {"id", "title"}}`.
boost::json::object ProofVerdictJson(const workflow::ProofVerdict& verdict);

}  // namespace copydesk::api
