#pragma once

#include "auth/accounts.hpp"
#include "collab/comments.hpp"
#include "collab/notifications.hpp"
#include "collab/sharing.hpp"
#include "collab/tasks.hpp"
#include "content/contents.hpp"
#include "convert/export.hpp"
#include "convert/import.hpp"
#include "core/config.hpp"
#include "feeds/feeds.hpp"
#include "files/files.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "live/hub.hpp"
#include "planning/publications.hpp"
#include "search/saved_views.hpp"
#include "search/search.hpp"
#include "storage/database.hpp"
#include "webhooks/webhooks.hpp"
#include "workflow/workflow.hpp"
#include "workspace/settings.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::api {

//! The domain services the routes call.
struct Services {
  const Config& config;
  storage::Database& db;
  http::Metrics& metrics;
  auth::Accounts& accounts;
  workspace::Workspaces& workspaces;
  workspace::Settings& settings;
  content::Contents& contents;
  workflow::Workflow& workflow;
  search::Search& search;
  search::SavedViews& views;
  collab::Comments& comments;
  collab::Tasks& tasks;
  collab::TaskLists& task_lists;
  collab::Notifications& notifications;
  collab::NotificationPreferences& preferences;
  collab::Sharing& sharing;
  webhooks::Webhooks& webhooks;
  files::Files& files;
  files::BlobStore& blobs;
  convert::Exports& exports;
  convert::Importer& importer;
  feeds::Feeds& feeds;
  planning::Publications& publications;
  content::Translations& translations;
};

//! Registers every route of the API on `router`. Each file of this folder adds its resource's.
void RegisterRoutes(http::Router& router, Services& services);

void AddHealthRoutes(http::Router& router, Services& services);
void AddSetupRoutes(http::Router& router, Services& services);
void AddAuthRoutes(http::Router& router, Services& services);
void AddMeRoutes(http::Router& router, Services& services);
void AddWorkspaceRoutes(http::Router& router, Services& services);
void AddMemberRoutes(http::Router& router, Services& services);
void AddTeamRoutes(http::Router& router, Services& services);
void AddSettingsRoutes(http::Router& router, Services& services);
void AddContentRoutes(http::Router& router, Services& services);
void AddWorkflowRoutes(http::Router& router, Services& services);
void AddSearchRoutes(http::Router& router, Services& services);
void AddViewRoutes(http::Router& router, Services& services);
void AddCommentRoutes(http::Router& router, Services& services);
void AddTaskRoutes(http::Router& router, Services& services);
void AddNotificationRoutes(http::Router& router, Services& services);
void AddShareRoutes(http::Router& router, Services& services);
void AddReviewRoutes(http::Router& router, Services& services);
void AddEventRoutes(http::Router& router, Services& services);
//! The live channel's door (in event_routes.cpp): who a WebSocket upgrade is from.
live::Door LiveDoor(auth::Accounts& accounts, const Config& config);
void AddFirstDayRoutes(http::Router& router, Services& services);
void AddWebhookRoutes(http::Router& router, Services& services);
void AddFileRoutes(http::Router& router, Services& services);
void AddReportRoutes(http::Router& router, Services& services);
void AddExportRoutes(http::Router& router, Services& services);
void AddImportRoutes(http::Router& router, Services& services);
void AddHomeRoutes(http::Router& router, Services& services);
void AddFeedRoutes(http::Router& router, Services& services);
void AddCalendarRoutes(http::Router& router, Services& services);
void AddPublicationRoutes(http::Router& router, Services& services);
void AddTranslationRoutes(http::Router& router, Services& services);

}  // namespace copydesk::api
