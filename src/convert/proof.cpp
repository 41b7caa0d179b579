#include "convert/proof.hpp"

#include <boost/json/serialize.hpp>
#include <fstream>
#include <map>

#include "convert/export_document.hpp"
#include "convert/tool.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"

namespace copydesk::convert {

namespace json = boost::json;

namespace {

// The proof speaks the workspace's language (French or English).
struct Words {
  bool fr = false;
  const char* operator()(const char* en, const char* french) const { return fr ? french : en; }
};

std::string Cell(std::string_view text) {
  return "<td>" + EscapeHtml(text) + "</td>";
}

std::string Size(std::int64_t bytes) {
  if (bytes >= (1 << 20)) return std::to_string(bytes / (1 << 20)) + " MB";
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " B";
}

std::string Who(const workflow::ProofDecision& d, const Words& w) {
  const auto& a = d.approval;
  if (a.link_id) {
    std::string who = a.visitor_name.value_or(w("a visitor", "un visiteur"));
    if (a.visitor_email) who += " <" + *a.visitor_email + ">";
    who += std::string(w(" through the review link ", " par le lien de relecture ")) + "« " +
           (d.link ? d.link->label : *a.link_id) + " »";
    return who;
  }
  return a.user_name;
}

std::string DecisionName(const std::string& decision, const Words& w) {
  if (decision == "approved") return w("approved", "approuvé");
  if (decision == "validated") return w("validated", "validé");
  if (decision == "not_validated") return w("not validated", "non validé");
  if (decision == "changes_requested") return w("changes requested", "modifications demandées");
  return decision;
}

}  // namespace

Result<std::string> RenderProofPdf(const workflow::Proof& proof, const std::string& json_twin) {
  const Words w{proof.workspace.language == "fr"};
  const auto& c = proof.view.content;
  const auto& r = proof.revision;

  // The revision's text, laid out as an export of it would be.
  ExportDocument doc;
  doc.title = r.title;
  doc.language = c.language;
  doc.revision = r.number;
  for (const auto& def : proof.view.fields) {
    const auto* value = proof.fields.if_contains(def.key);
    doc.fields.push_back({def.label, def.kind, value ? *value : json::value(nullptr)});
  }
  doc.variants = ExportVariantsOf(proof.variants, r.attachments_json);
  std::string md = MarkdownOf(doc);
  md.erase(0, md.find("\n\n") + 2);
  auto text = MarkdownToHtml(md);
  if (!text) return std::move(text).error();

  std::string body = "<h1 class=\"copydesk-title\">" +
                     std::string(w("Proof of validation", "Preuve de validation")) + " — " +
                     EscapeHtml(r.title) + "</h1>\n";
  body += "<table class=\"copydesk-summary\">\n";
  const auto row = [&](const char* label, const std::string& value, const char* cls = "") {
    body += "<tr><th>" + EscapeHtml(label) + "</th><td class=\"" + cls + "\">" + EscapeHtml(value) +
            "</td></tr>\n";
  };
  row(w("Workspace", "Espace"), proof.workspace.name);
  row(w("Content", "Contenu"), c.title + " (" + c.id + ")");
  row(w("Type", "Type"), proof.view.type.name);
  row(w("Language", "Langue"), c.language);
  row(w("Revision", "Révision"),
      std::to_string(r.number) +
          (proof.validated ? w(" — validated by every approval asked",
                               " — validée par toutes les approbations demandées")
                           : w(" — current; no revision holds every approval asked",
                               " — actuelle ; aucune révision n'a toutes les approbations")));
  row(w("Saved", "Enregistrée"), FormatTime(r.saved_at) + " — " + r.author_name);
  row(w("SHA-256 of the canonical snapshot", "SHA-256 de l'instantané canonique"), proof.hash,
      "hash");
  row(w("Status now", "Statut actuel"), proof.view.status ? proof.view.status->name : "—");
  row(w("Generated", "Produite le"), FormatTime(proof.generated_at));
  body += "</table>\n<p class=\"copydesk-note\">" +
          EscapeHtml(w("This PDF carries its JSON twin as an attached file (",
                       "Ce PDF contient son jumeau JSON en pièce jointe (")) +
          kProofAttachmentName +
          EscapeHtml(w("): copydesk verify-proof checks it against the database.",
                       ") : copydesk verify-proof le vérifie contre la base de données.")) +
          "</p>\n";

  body += "<h2>" + EscapeHtml(w("Text of revision ", "Texte de la révision ")) +
          std::to_string(r.number) + "</h2>\n<div class=\"copydesk-text\">\n<h1>" +
          EscapeHtml(r.title) + "</h1>\n" + *text + "</div>\n";

  body += "<h2>" + EscapeHtml(w("Files", "Fichiers")) + "</h2>\n";
  if (proof.files.empty()) {
    body += "<p>" + EscapeHtml(w("None.", "Aucun.")) + "</p>\n";
  } else {
    body += "<table><thead><tr><th>" + EscapeHtml(w("Name", "Nom")) + "</th><th>" +
            EscapeHtml(w("Type", "Type")) + "</th><th>" + EscapeHtml(w("Size", "Taille")) +
            "</th><th>SHA-256</th></tr></thead><tbody>\n";
    for (const auto& f : proof.files) {
      body += "<tr>" + Cell(f.name) + Cell(f.type) + Cell(Size(f.size)) + "<td class=\"hash\">" +
              EscapeHtml(f.sha256) + "</td></tr>\n";
    }
    body += "</tbody></table>\n";
  }

  body += "<h2>" + EscapeHtml(w("Decisions", "Décisions")) + "</h2>\n";
  if (proof.decisions.empty()) {
    body += "<p>" + EscapeHtml(w("None.", "Aucune.")) + "</p>\n";
  } else {
    body += "<table><thead><tr><th>" + EscapeHtml(w("When", "Quand")) + "</th><th>" +
            EscapeHtml(w("Who", "Qui")) + "</th><th>" + EscapeHtml(w("Team", "Équipe")) +
            "</th><th>" + EscapeHtml(w("Decision", "Décision")) + "</th><th>" +
            EscapeHtml(w("Revision", "Révision")) + "</th><th>" +
            EscapeHtml(w("Comment", "Commentaire")) + "</th><th>" + EscapeHtml(w("State", "État")) +
            "</th></tr></thead><tbody>\n";
    for (const auto& d : proof.decisions) {
      const auto& a = d.approval;
      const std::string state = d.stale ? std::string(w("stale: ", "périmée : ")) + d.stale_because
                                        : std::string(w("valid", "valide"));
      body += std::string("<tr class=\"") + (d.stale ? "stale" : "valid") + "\">" +
              Cell(FormatTime(a.created_at)) + Cell(Who(d, w)) + Cell(a.team_name) +
              Cell(DecisionName(a.decision, w)) + Cell(std::to_string(a.revision)) +
              Cell(a.comment) + Cell(state) + "</tr>\n";
    }
    body += "</tbody></table>\n";
  }

  body += "<h2>" + EscapeHtml(w("Workflow trail", "Parcours du workflow")) + "</h2>\n";
  if (proof.trail.empty()) {
    body += "<p>" + EscapeHtml(w("No status change.", "Aucun changement de statut.")) + "</p>\n";
  } else {
    body += "<table><thead><tr><th>" + EscapeHtml(w("When", "Quand")) + "</th><th>" +
            EscapeHtml(w("Who", "Qui")) + "</th><th>" + EscapeHtml(w("From", "De")) + "</th><th>" +
            EscapeHtml(w("To", "Vers")) + "</th><th>" + EscapeHtml(w("Comment", "Commentaire")) +
            "</th></tr></thead><tbody>\n";
    for (const auto& s : proof.trail) {
      body += "<tr>" + Cell(FormatTime(s.at)) + Cell(s.by) + Cell(s.from.value_or("—")) +
              Cell(s.to.value_or("—")) + Cell(s.comment) + "</tr>\n";
    }
    body += "</tbody></table>\n";
  }

  body += "<h2>" + EscapeHtml(w("Changes since validation", "Changements depuis la validation")) +
          "</h2>\n";
  if (!proof.changes) {
    body += "<p>" +
            EscapeHtml(proof.validated
                           ? w("None: the validated revision is the current one.",
                               "Aucun : la révision validée est l'actuelle.")
                           : w("No revision is validated.", "Aucune révision n'est validée.")) +
            "</p>\n";
  } else {
    std::map<std::string, std::string> labels{{"title", w("Title", "Titre")}};
    for (const auto& def : proof.view.fields) labels[def.key] = def.label;
    body +=
        "<p>" +
        EscapeHtml(std::string(w("From revision ", "De la révision ")) + std::to_string(r.number) +
                   w(" to the current revision ", " à la révision actuelle ") +
                   std::to_string(proof.changes->current_revision) + ".") +
        "</p>\n";
    for (const auto& f : proof.changes->fields) {
      if (!f.changed) continue;
      body +=
          "<h3>" +
          EscapeHtml(labels.contains(f.field) ? labels.at(f.field) : f.label.value_or(f.field)) +
          "</h3>\n";
      // The word diff's HTML is escaped text with <del> and <ins> only (content::DiffToHtml).
      if (f.text) {
        body += "<div class=\"copydesk-diff\">" + f.html + "</div>\n";
      } else {
        body += "<p><del>" + EscapeHtml(json::serialize(f.before)) + "</del> <ins>" +
                EscapeHtml(json::serialize(f.after)) + "</ins></p>\n";
      }
    }
  }

  const std::string note = std::string(w("Proof", "Preuve")) + " · " + w("revision ", "révision ") +
                           std::to_string(r.number) + " · " + proof.hash.substr(0, 12);
  const std::string style =
      "<style>\n.hash { font-family: \"DejaVu Sans Mono\", monospace; font-size: 8.5pt; "
      "word-break: break-all; }\ntable.copydesk-summary th { width: 30%; }\n"
      ".copydesk-text { border: 0.5pt solid #bbb; padding: 0 1em; margin: 1em 0; }\n"
      "tr.stale td { color: #8a1c1c; }\ndel { color: #8a1c1c; background: #fbe9e9; }\n"
      "ins { color: #1c5e20; background: #e8f5e9; text-decoration: none; }\n"
      ".copydesk-diff { white-space: pre-wrap; }\n</style>\n";
  const std::string page = HtmlPage(r.title, proof.workspace.language, note, style + body);

  WorkFolder work;
  if (work.path().empty()) return Error::Internal("no temporary folder for the proof");
  const auto twin = work.path() / kProofAttachmentName;
  std::ofstream(twin, std::ios::binary) << json_twin;
  return HtmlToPdf(page, {twin});
}

Result<std::string> ExtractProofJson(const std::string& pdf) {
  if (pdf.rfind("%PDF-", 0) != 0) return Error::InvalidField("file", kNotAProof);
  WorkFolder work;
  if (work.path().empty()) return Error::Internal("no temporary folder for the proof");
  std::ofstream(work.path() / "proof.pdf", std::ios::binary) << pdf;
  const auto out = work.path() / "attachments";
  std::filesystem::create_directories(out);
  ToolLimits limits;
  limits.time = std::chrono::seconds(20);
  auto run =
      RunTool({"pdfdetach", "-saveall", "-o", out.string(), "proof.pdf"}, "", limits, work.path());
  if (!run.ok) {
    if (run.error.failure == ToolFailure::kMissing)
      return Error{ErrorKind::kUnavailable, "pdfdetach is not installed on the server."};
    return Error::InvalidField("file", kNotAProof);
  }
  std::ifstream in(out / kProofAttachmentName, std::ios::binary);
  if (!in) return Error::InvalidField("file", kNotAProof);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace copydesk::convert
