/* summit-programme.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* The programme: sessions (summit-panel.h) and editions, and their store. */

#include "summit-edition.h"
#include "summit-panel.h"
#include "summit-store-editions.h"
#include "summit-store-programme.h"

