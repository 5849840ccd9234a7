// The plugin SDK in one include: everything a plugin may use of the host.
#pragma once

#include "jobcenter/context.hpp"
#include "jobcenter/database.hpp"
#include "jobcenter/document.hpp"
#include "jobcenter/errors.hpp"
#include "jobcenter/identity_code.hpp"
#include "jobcenter/money.hpp"
#include "jobcenter/params.hpp"
#include "jobcenter/plugin.hpp"
#include "jobcenter/scripts.hpp"
