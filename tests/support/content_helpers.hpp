#pragma once
// Small helpers for the content API tests: find a default channel or type, create and change a
// content, read its revisions. Each returns the parsed body and fails the test on a bad status.

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace copydesk::testing {

namespace content_json = boost::json;

inline std::string Str(const content_json::value& v) {
  return std::string(v.as_string());
}

//! The strings of a JSON array, sorted.
inline std::vector<std::string> StringsOf(const content_json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.push_back(Str(s));
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string ContentsPath(const Person& p) {
  return "/api/v1/workspaces/" + p.workspace_id + "/contents";
}

inline std::string ContentPath(const std::string& id) {
  return "/api/v1/contents/" + id;
}

//! The id of the workspace's channel called `name` ("" when none).
inline std::string ChannelId(Person& p, const std::string& name) {
  auto r = p.client.Get("/api/v1/workspaces/" + p.workspace_id + "/channels");
  EXPECT_EQ(r.status, 200) << r.body;
  const auto r_json = r.Json();
  for (const auto& c : r_json.at("items").as_array()) {
    if (c.at("name").as_string() == name) return Str(c.at("id"));
  }
  ADD_FAILURE() << "no channel " << name << " in " << r.body;
  return "";
}

//! The id of the workspace's content type with `key`.
inline std::string TypeId(Person& p, const std::string& key) {
  auto r = p.client.Get("/api/v1/workspaces/" + p.workspace_id + "/types");
  EXPECT_EQ(r.status, 200) << r.body;
  const auto r_json = r.Json();
  for (const auto& t : r_json.at("items").as_array()) {
    if (t.at("key").as_string() == key) return Str(t.at("id"));
  }
  ADD_FAILURE() << "no type " << key << " in " << r.body;
  return "";
}

//! Creates a content (201 expected) and returns its body.
inline content_json::object CreateContent(Person& p, content_json::object body) {
  auto r = p.client.Post(ContentsPath(p), body);
  EXPECT_EQ(r.status, 201) << r.body;
  auto j = r.Json();
  if (!j.is_object()) return {};
  return j.as_object();
}

inline content_json::object CreateArticle(Person& p, const std::string& title,
                                          content_json::object fields = {}) {
  return CreateContent(p, {{"type", "article"}, {"title", title}, {"fields", std::move(fields)}});
}

inline content_json::object GetContent(Person& p, const std::string& id) {
  auto r = p.client.Get(ContentPath(id));
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.as_object() : content_json::object{};
}

inline HttpResponse PatchContent(Person& p, const std::string& id, std::int64_t base,
                                 content_json::object change) {
  change["base_version"] = base;
  return p.client.Patch(ContentPath(id), change);
}

inline std::int64_t VersionOf(const content_json::object& content) {
  return content.at("version").as_int64();
}

inline std::int64_t RevisionOf(const content_json::object& content) {
  return content.at("revision").as_int64();
}

inline std::string FieldOf(const content_json::object& content, const std::string& key) {
  const auto* v = content.at("fields").as_object().if_contains(key);
  return v && v->is_string() ? Str(*v) : "";
}

//! The revisions list, newest first.
inline content_json::array Revisions(Person& p, const std::string& id) {
  auto r = p.client.Get(ContentPath(id) + "/revisions");
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.at("items").as_array() : content_json::array{};
}

//! One revision with its full snapshot.
inline content_json::object RevisionAt(Person& p, const std::string& id, std::int64_t n) {
  auto r = p.client.Get(ContentPath(id) + "/revisions/" + std::to_string(n));
  EXPECT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  return j.is_object() ? j.as_object() : content_json::object{};
}

//! The ids of a list response's items.
inline std::vector<std::string> ItemIds(const HttpResponse& r) {
  std::vector<std::string> ids;
  auto j = r.Json();
  if (!j.is_object()) return ids;
  for (const auto& item : j.at("items").as_array()) ids.push_back(Str(item.at("id")));
  return ids;
}

//! True when the problem body names `field` among its errors.
inline bool NamesField(const HttpResponse& r, const std::string& field) {
  auto j = r.Json();
  if (!j.is_object()) return false;
  const auto* errors = j.as_object().if_contains("errors");
  if (!errors || !errors->is_array()) return false;
  for (const auto& e : errors->as_array()) {
    if (e.at("field").as_string() == field) return true;
  }
  return false;
}

}  // namespace copydesk::testing
