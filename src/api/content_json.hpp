#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "collab/comments.hpp"
#include "content/contents.hpp"
#include "core/json_input.hpp"
#include "http/message.hpp"
#include "storage/settings_store.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::api {

//! Presenters of content settings and contents.
boost::json::object ChannelJson(const storage::ChannelRecord& channel);
//! Every network's rules (fields, limits, counting, hook, crop, hashtag and mention limits), as
//! the web app counts and previews variants with them.
boost::json::array NetworksJson();
boost::json::object TypeJson(const storage::ContentTypeRecord& type);
boost::json::object ProjectJson(const storage::ProjectRecord& project);
//! An approval; `stale` when known.
boost::json::object ApprovalJson(const storage::ApprovalRecord& approval,
                                 std::optional<bool> stale);
//! Where one asked team stands.
boost::json::object TeamApprovalJson(const content::TeamApproval& team);
//! A workflow status with its gate.
boost::json::object StatusJson(const storage::StatusRecord& status);
//! One event of the activity.
boost::json::object EventJson(const storage::EventRecord& event);
//! A content's channel variants keyed by channel id: network, fields, visual and each field's
//! count against its limit by the network's counting.
boost::json::object VariantsJson(const std::vector<content::VariantView>& variants);
//! A content; `with_fields` false leaves the text out (lists). Made in `sp`: a list passes the
//! arena its whole answer is built in.
boost::json::object ContentJson(const content::ContentView& view, bool with_fields = true,
                                boost::json::storage_ptr sp = {});
//! The answer holding one content, with its version as an ETag (clients send it back as
//! If-Match) and `merged` when a write was merged; `extra` members are added to the content.
http::Response ContentResponse(int status, const content::ContentView& view,
                               boost::json::object extra = {});
//! A revision; its snapshot only when `with_text`.
//! A comment (Markdown body, as typed) and a thread (its first comment with its replies).
boost::json::object CommentJson(const storage::CommentRecord& comment);
boost::json::object ThreadJson(const collab::Thread& thread);
//! A comment's input: body, internal, and on creation parent and anchor.
collab::CommentInput ReadCommentInput(JsonInput& in, bool creating);

boost::json::object RevisionJson(const storage::RevisionRecord& revision, bool with_text);

//! Reads the members of a content create or change from a strict JSON reader.
content::ContentInput ReadContentInput(JsonInput& in, bool creating);

//! Reads an optional time query parameter (RFC 3339 or a date); 400 naming it when malformed.
Result<std::optional<TimeMs>> TimeParam(const http::Request& request, const std::string& name);
//! Reads an optional integer query parameter; 400 naming it when malformed.
Result<std::optional<std::int64_t>> IntParam(const http::Request& request, const std::string& name);
//! Reads an optional boolean query parameter ("true"/"false"); 400 naming it when malformed.
Result<std::optional<bool>> BoolParam(const http::Request& request, const std::string& name);

//! A page of contents as lists answer it ({"items": [...], "next_cursor"}), or the domain's
//! error.
Result<http::Response> ContentPageResponse(Result<content::ContentPage> page);

//! The answer holding one content as ContentResponse makes it, or the domain's error.
Result<http::Response> PresentContent(Result<content::ContentView> view, int status = 200,
                                      boost::json::object extra = {});

}  // namespace copydesk::api
