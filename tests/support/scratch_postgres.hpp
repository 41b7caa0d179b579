#pragma once

#include <optional>
#include <string>

namespace copydesk::testing {

//! The PostgreSQL cluster the tests may use (COPYDESK_TEST_POSTGRES, a superuser URL such as
//! scripts/with-postgres sets), or nullopt: then the tests run on SQLite alone.
std::optional<std::string> TestPostgresUrl();

//! A fresh PostgreSQL database for one test, dropped at the end. `migrated`: a copy of a
//! database with every migration applied (made once per schema, then cloned: much faster than
//! migrating each one); otherwise empty.
class ScratchPostgres {
 public:
  explicit ScratchPostgres(bool migrated = true);
  ~ScratchPostgres();
  ScratchPostgres(const ScratchPostgres&) = delete;
  ScratchPostgres& operator=(const ScratchPostgres&) = delete;

  //! postgresql://…/<the fresh database>
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

}  // namespace copydesk::testing
