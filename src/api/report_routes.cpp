// The workspace report (issue 16): where the time goes. Path, query, policy (in
// reports::Reports: editors and above), presenter.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/report.hpp"

namespace copydesk::api {

namespace {

// ?from=&to= (RFC 3339 or a date; empty means the default) and ?tz= (an IANA zone, default UTC).
// The window's own rules (order, span, a known zone) are the domain's.
Result<reports::ReportQuery> ReadReportQuery(const http::Request& req) {
  reports::ReportQuery out;
  for (const char* name : {"from", "to"}) {
    auto v = req.QueryParam(name);
    if (!v || v->empty()) continue;
    auto t = ParseTime(*v);
    if (!t) return Error::InvalidField(name, "must be a date or a time (RFC 3339)");
    (std::string_view(name) == "from" ? out.from : out.to) = *t;
  }
  if (auto tz = req.QueryParam("tz"); tz && !tz->empty()) out.time_zone = *tz;
  return out;
}

}  // namespace

void AddReportRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  // The service holds nothing but the database: one per table is all it needs.
  Mount(router, {
                    {"GET", "/api/v1/workspaces/{ws}/reports", member, Query(ReadReportQuery),
                     [reports = reports::Reports(s.db)](Call& c) mutable {
                       return Present(reports.Build(c.actor(), c.param("ws"),
                                                    c.input<reports::ReportQuery>(), c.now),
                                      ReportJson);
                     }},
                });
}

}  // namespace copydesk::api
