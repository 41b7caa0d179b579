#pragma once

// Where a content stands among its linked translations, as content JSON's `translation` shows it.

#include <boost/json/value.hpp>
#include <optional>

#include "content/translations.hpp"

namespace copydesk::api {

//! The `translation` member of a content: null when it is linked to nothing.
boost::json::value TranslationJson(const std::optional<content::TranslationView>& translation);

}  // namespace copydesk::api
