#include "core/config.hpp"

#include <charconv>
#include <cstdlib>
#include <functional>

namespace copydesk {

namespace {

struct Option {
  const char* flag;
  const char* env;
  const char* help;
  std::function<bool(Config&, const std::string&)> set;
  bool is_switch = false;  //!< takes no value (`--no-upgrade-backup`); its variable says 1 or 0
  bool hidden = false;     //!< for tests: left out of --help
};

bool SetBool(bool& field, const std::string& text) {
  if (text == "true" || text == "1" || text == "yes") {
    field = true;
  } else if (text == "false" || text == "0" || text == "no") {
    field = false;
  } else {
    return false;
  }
  return true;
}

bool SetInt(int& field, const std::string& text, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return false;
  }
  field = value;
  return true;
}

bool SetSize(std::size_t& field, const std::string& text, std::size_t min, std::size_t max) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return false;
  }
  field = value;
  return true;
}

const std::vector<Option>& Options() {
  static const std::vector<Option> options = {
      {"--data", "COPYDESK_DATA", "data folder (database, search index, files); default ./data",
       [](Config& c, const std::string& v) { return !(c.data_dir = v).empty(); }},
      {"--database", "COPYDESK_DATABASE",
       "postgresql://user@host:port/db to keep the database in PostgreSQL; default SQLite in the "
       "data folder",
       [](Config& c, const std::string& v) {
         c.database = v;
         return v.empty() || v.starts_with("postgresql://") || v.starts_with("postgres://");
       }},
      {"--database-pool", "COPYDESK_DATABASE_POOL",
       "PostgreSQL connections this node opens at most; default twice the worker threads + 4",
       [](Config& c, const std::string& v) { return SetInt(c.database_pool, v, 1, 1000); }},
      {"--listen", "COPYDESK_LISTEN", "address to serve on, host:port; default 127.0.0.1:8080",
       [](Config& c, const std::string& v) {
         return v.find(':') != std::string::npos && !(c.listen = v).empty();
       }},
      {"--public-url", "COPYDESK_PUBLIC_URL",
       "URL people use to reach copydesk, e.g. https://copydesk.example.com (https makes cookies "
       "Secure)",
       [](Config& c, const std::string& v) {
         c.public_url = v;
         return v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0;
       }},
      {"--web-dir", "COPYDESK_WEB_DIR", "folder of the built web app; default web/dist",
       [](Config& c, const std::string& v) { return !(c.web_dir = v).empty(); }},
      {"--log-level", "COPYDESK_LOG_LEVEL", "debug, info, warn or error; default info",
       [](Config& c, const std::string& v) { return ParseLogLevel(v, c.log_level); }},
      {"--max-body-bytes", "COPYDESK_MAX_BODY_BYTES", "largest JSON request body; default 8388608",
       [](Config& c, const std::string& v) {
         return SetSize(c.max_body_bytes, v, 1024, std::size_t{1} << 30);
       }},
      {"--max-upload-bytes", "COPYDESK_MAX_UPLOAD_BYTES",
       "largest uploaded file (attachments, media library); default 104857600",
       [](Config& c, const std::string& v) {
         return SetSize(c.max_upload_bytes, v, 1, std::size_t{64} << 30);
       }},
      {"--max-header-bytes", "COPYDESK_MAX_HEADER_BYTES",
       "largest request line and headers; default 16384",
       [](Config& c, const std::string& v) {
         return SetSize(c.max_header_bytes, v, 1024, std::size_t{1} << 20);
       }},
      {"--io-threads", "COPYDESK_IO_THREADS", "network threads; default one per core",
       [](Config& c, const std::string& v) { return SetInt(c.io_threads, v, 0, 256); }},
      {"--worker-threads", "COPYDESK_WORKER_THREADS",
       "threads for database and hashing work; default 4",
       [](Config& c, const std::string& v) { return SetInt(c.worker_threads, v, 1, 256); }},
      {"--header-timeout-ms", "COPYDESK_HEADER_TIMEOUT_MS",
       "time to receive a request head, and keep-alive idle time; default 30000",
       [](Config& c, const std::string& v) {
         return SetInt(c.header_timeout_ms, v, 100, 3'600'000);
       }},
      {"--body-timeout-ms", "COPYDESK_BODY_TIMEOUT_MS",
       "time to receive a request body; default 60000",
       [](Config& c, const std::string& v) {
         return SetInt(c.body_timeout_ms, v, 100, 3'600'000);
       }},
      {"--write-timeout-ms", "COPYDESK_WRITE_TIMEOUT_MS", "time to send a response; default 60000",
       [](Config& c, const std::string& v) {
         return SetInt(c.write_timeout_ms, v, 100, 3'600'000);
       }},
      {"--session-idle-days", "COPYDESK_SESSION_IDLE_DAYS",
       "a session unused this many days ends; default 7",
       [](Config& c, const std::string& v) { return SetInt(c.session_idle_days, v, 1, 365); }},
      {"--session-max-days", "COPYDESK_SESSION_MAX_DAYS",
       "a session ends this many days after login; default 30",
       [](Config& c, const std::string& v) { return SetInt(c.session_max_days, v, 1, 3650); }},
      {"--smtp-url", "COPYDESK_SMTP_URL",
       "SMTP server for e-mail notifications, smtp://host:port (STARTTLS when offered) or "
       "smtps://host:port; unset: no e-mail",
       [](Config& c, const std::string& v) {
         c.smtp_url = v;
         return (v.rfind("smtp://", 0) == 0 || v.rfind("smtps://", 0) == 0) &&
                v.find_first_of(" \r\n") == std::string::npos;
       }},
      {"--smtp-from", "COPYDESK_SMTP_FROM",
       "sender address of e-mails; default copydesk@ the public URL's host",
       [](Config& c, const std::string& v) {
         c.smtp_from = v;
         const auto at = v.find('@');
         return at != std::string::npos && at > 0 && at + 1 < v.size() &&
                v.find_first_of(" <>\"\r\n,;") == std::string::npos;
       }},
      {"--smtp-user", "COPYDESK_SMTP_USER", "SMTP login; unset: none",
       [](Config& c, const std::string& v) { return !(c.smtp_user = v).empty(); }},
      {"--smtp-password", "COPYDESK_SMTP_PASSWORD",
       "SMTP password; prefer the environment variable (flags show in process lists)",
       [](Config& c, const std::string& v) { return !(c.smtp_password = v).empty(); }},
      {"--mail-interval-ms", "COPYDESK_MAIL_INTERVAL_MS",
       "time between two looks at the e-mail outbox, and the first retry delay; default 2000",
       [](Config& c, const std::string& v) {
         return SetInt(c.mail_interval_ms, v, 10, 3'600'000);
       }},
      {"--trusted-proxy", "COPYDESK_TRUSTED_PROXY",
       "reverse proxies whose X-Forwarded-For header names the client (Forwarded is never "
       "read): addresses or CIDR blocks, comma-separated (e.g. 127.0.0.1,10.0.0.0/8); default none",
       [](Config& c, const std::string& v) {
         c.trusted_proxies.clear();
         std::size_t start = 0;
         while (start <= v.size()) {
           auto end = v.find(',', start);
           if (end == std::string::npos) end = v.size();
           const std::string item = v.substr(start, end - start);
           start = end + 1;
           if (item.find_first_not_of(" \t") == std::string::npos) continue;
           auto range = ParseAddressRange(item);
           if (!range) return false;
           c.trusted_proxies.push_back(*range);
         }
         return true;
       }},
      {"--metrics-token", "COPYDESK_METRICS_TOKEN",
       "Bearer token that opens /metrics to other hosts than this one (16 characters or more); "
       "default none: /metrics answers loopback only",
       [](Config& c, const std::string& v) {
         c.metrics_token = v;
         return v.size() >= 16 && v.find_first_of(" \t\r\n,") == std::string::npos;
       }},
      {"--max-connections", "COPYDESK_MAX_CONNECTIONS",
       "connections open at once (HTTP and WebSocket); more are answered 503; default 1024",
       [](Config& c, const std::string& v) { return SetInt(c.max_connections, v, 1, 1'000'000); }},
      {"--no-upgrade-backup", "COPYDESK_NO_UPGRADE_BACKUP",
       "do not back the database up before migrating it to a new version (you have your own "
       "backup)",
       [](Config& c, const std::string& v) {
         c.upgrade_backup = v == "0";
         return v == "0" || v == "1";
       },
       /*is_switch=*/true},
      {"--keep-upgrade-backups", "COPYDESK_KEEP_UPGRADE_BACKUPS",
       "backups taken before migrations kept in <data>/upgrade-backups, newest first; default 3",
       [](Config& c, const std::string& v) { return SetInt(c.keep_upgrade_backups, v, 1, 1000); }},
      {"--migration-batch-rows", "COPYDESK_MIGRATION_BATCH_ROWS",
       "rows a long migration rewrites per transaction while the server serves; default 500",
       [](Config& c, const std::string& v) {
         return SetInt(c.migration_batch_rows, v, 1, 100'000);
       }},
      {"--migration-pause-ms", "COPYDESK_MIGRATION_PAUSE_MS", "",
       [](Config& c, const std::string& v) { return SetInt(c.migration_pause_ms, v, 0, 10'000); },
       false, true},
      {"--webhook-allow-private", "COPYDESK_WEBHOOK_ALLOW_PRIVATE",
       "let webhooks use http and reach loopback, private and link-local addresses (a receiver "
       "on this machine or network); off by default",
       [](Config& c, const std::string& v) { return SetBool(c.webhook_allow_private, v); }, true},
      {"--webhook-timeout-ms", "COPYDESK_WEBHOOK_TIMEOUT_MS",
       "time a webhook's receiver has to answer a delivery; default 10000",
       [](Config& c, const std::string& v) {
         return SetInt(c.webhook_timeout_ms, v, 100, 60'000);
       }},
      {"--webhook-interval-ms", "COPYDESK_WEBHOOK_INTERVAL_MS", "",
       [](Config& c, const std::string& v) {
         return SetInt(c.webhook_interval_ms, v, 10, 3'600'000);
       },
       false, true},
      {"--webhook-retry-ms", "COPYDESK_WEBHOOK_RETRY_MS", "",
       [](Config& c, const std::string& v) { return SetInt(c.webhook_retry_ms, v, 10, 3'600'000); },
       false, true},
      {"--webhook-give-up-ms", "COPYDESK_WEBHOOK_GIVE_UP_MS", "",
       [](Config& c, const std::string& v) {
         return SetInt(c.webhook_give_up_ms, v, 100, 7 * 24 * 3'600'000);
       },
       false, true},
      {"--notifier-hold", "COPYDESK_NOTIFIER_HOLD", "",
       [](Config& c, const std::string& v) {
         c.notifier_hold = v == "1";
         return v == "0" || v == "1";
       },
       /*is_switch=*/true, /*hidden=*/true},
      {"--reminder-interval-ms", "COPYDESK_REMINDER_INTERVAL_MS", "",
       [](Config& c, const std::string& v) {
         return SetInt(c.reminder_interval_ms, v, 10, 2'000'000'000);
       },
       false, true},
      {"--blob-retention-ms", "COPYDESK_BLOB_RETENTION_MS", "",
       [](Config& c, const std::string& v) {
         int value = 0;
         if (!SetInt(value, v, 0, 2'000'000'000)) return false;
         c.blob_retention_ms = value;
         return true;
       },
       false, true},
      {"--blob-sweep-interval-ms", "COPYDESK_BLOB_SWEEP_INTERVAL_MS", "",
       [](Config& c, const std::string& v) {
         return SetInt(c.blob_sweep_interval_ms, v, 10, 24 * 3'600'000);
       },
       false, true},
  };
  return options;
}

}  // namespace

Result<Config> ParseConfig(const std::vector<std::string>& args, std::vector<std::string>& rest,
                           bool allow_unknown_flags) {
  Config config;
  for (const auto& option : Options()) {
    if (const char* value = std::getenv(option.env); value != nullptr && *value != '\0') {
      if (!option.set(config, value)) {
        return Error::BadRequest(std::string("invalid value for ") + option.env,
                                 {{option.env, "has an invalid value"}});
      }
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      rest.push_back(arg);
      continue;
    }
    std::string name = arg, value;
    bool has_value = false;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    const Option* found = nullptr;
    for (const auto& option : Options()) {
      if (name == option.flag) found = &option;
    }
    if (found == nullptr) {
      if (allow_unknown_flags) {
        rest.push_back(arg);
        continue;
      }
      return Error::BadRequest("unknown flag " + name, {{name, "is not a known flag"}});
    }
    if (found->is_switch) {
      if (has_value) {
        return Error::BadRequest(name + " takes no value", {{name, "takes no value"}});
      }
      found->set(config, "1");
      continue;
    }
    if (!has_value) {
      if (i + 1 >= args.size())
        return Error::BadRequest(name + " needs a value", {{name, "needs a value"}});
      value = args[++i];
    }
    if (!found->set(config, value)) {
      return Error::BadRequest("invalid value for " + name, {{name, "has an invalid value"}});
    }
  }
  return config;
}

std::string ConfigHelp() {
  std::string out;
  for (const auto& option : Options()) {
    if (option.hidden) continue;
    out += "  ";
    out += option.flag;
    out += " (";
    out += option.env;
    out += ")\n      ";
    out += option.help;
    out += "\n";
  }
  return out;
}

}  // namespace copydesk
