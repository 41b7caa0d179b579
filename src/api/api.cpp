#include "api/api.hpp"

namespace copydesk::api {

void RegisterRoutes(http::Router& router, Services& services) {
  AddHealthRoutes(router, services);
  AddSetupRoutes(router, services);
  AddAuthRoutes(router, services);
  AddMeRoutes(router, services);
  AddWorkspaceRoutes(router, services);
  AddMemberRoutes(router, services);
  AddTeamRoutes(router, services);
  AddSettingsRoutes(router, services);
  AddContentRoutes(router, services);
  AddWorkflowRoutes(router, services);
  AddSearchRoutes(router, services);
  AddViewRoutes(router, services);
  AddCommentRoutes(router, services);
  AddTaskRoutes(router, services);
  AddNotificationRoutes(router, services);
  AddShareRoutes(router, services);
  AddReviewRoutes(router, services);
  AddEventRoutes(router, services);
  AddFirstDayRoutes(router, services);
  AddWebhookRoutes(router, services);
  AddFileRoutes(router, services);
  AddReportRoutes(router, services);
  AddExportRoutes(router, services);
  AddImportRoutes(router, services);
  AddHomeRoutes(router, services);
  AddFeedRoutes(router, services);
  AddCalendarRoutes(router, services);
  AddPublicationRoutes(router, services);
  AddTranslationRoutes(router, services);
}

}  // namespace copydesk::api
