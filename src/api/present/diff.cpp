#include "api/present/diff.hpp"

#include <boost/json/array.hpp>

namespace copydesk::api {

namespace json = boost::json;

namespace {

const char* OpName(content::DiffOp::Kind kind) {
  switch (kind) {
    case content::DiffOp::Kind::kEqual:
      return "equal";
    case content::DiffOp::Kind::kInsert:
      return "insert";
    case content::DiffOp::Kind::kDelete:
      break;
  }
  return "delete";
}

json::object FieldDiffJson(const content::FieldDiff& d) {
  json::object o{{"field", d.field}, {"changed", d.changed}, {"text", d.text}};
  if (d.label) o["label"] = *d.label;
  if (d.text) {
    json::array ops;
    for (const auto& op : d.ops) ops.push_back({{"op", OpName(op.kind)}, {"text", op.text}});
    o["ops"] = std::move(ops);
    o["html"] = d.html;
  } else {
    o["before"] = d.before;
    o["after"] = d.after;
  }
  return o;
}

}  // namespace

json::object DiffJson(std::int64_t from, std::int64_t to,
                      const std::vector<content::FieldDiff>& fields) {
  json::array out;
  for (const auto& d : fields) out.push_back(FieldDiffJson(d));
  return {{"from", from}, {"to", to}, {"fields", std::move(out)}};
}

}  // namespace copydesk::api
