#include "files/access.hpp"

#include "auth/policy.hpp"
#include "content/files.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::files {

Result<Standing> Authorize(storage::Tx& tx, const auth::Actor& actor, Need need,
                           const std::string& target) {
  if (need == Need::kReadContentFiles || need == Need::kEditContentFiles) {
    auto content = content::ContentForFiles(tx, actor, target, need == Need::kEditContentFiles);
    if (!content) return std::move(content).error();
    Standing out;
    out.workspace_id = content->workspace_id;
    out.content = std::move(*content);
    return out;
  }
  // kReadWorkspace: every member, guests included (they see part of the library).
  auto access = workspace::Authorize(tx, actor.user.id, target, auth::Action::kReadWorkspace);
  if (!access) return std::move(access).error();
  const std::optional<auth::Role> role = access->role;
  Standing out;
  out.workspace_id = access->workspace.id;
  out.whole_library = auth::Can(role, auth::Action::kReadContent);
  if (need == Need::kReadLibrary) return out;
  const auto action =
      need == Need::kAddToLibrary ? auth::Action::kCreateContent : auth::Action::kEditContent;
  if (!auth::Can(role, action)) {
    return Error::Forbidden(need == Need::kAddToLibrary
                                ? "Your role does not let you add files to the library."
                                : "Only editors and above change the library's files.");
  }
  return out;
}

}  // namespace copydesk::files
