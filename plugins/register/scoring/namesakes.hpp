// People who share a name: private persons and sole traders named after a person ("Nieminen Merja", "Tmi
// Merja Nieminen") are different people at different streets unless a personal phone or email agrees.
#pragma once

#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

// Whether a record's name is a person's: no legal form but a sole trader's, two or three words, one of them a
// common first name.
bool named_after_a_person(const RecordIndex& index, const IndexedRecord& r);

// Whether an equal email of two persons' records says nothing: a generic mailbox (info@, toimisto@) on a
// free-mail or operator domain, which anyone may have.
bool mailbox_says_nothing_between_persons(const IndexedRecord& a);

// Whether two records agree on something personal: the same phone, or the same email that is not a generic
// mailbox.
bool personal_contact_agrees(const IndexedRecord& a, const IndexedRecord& b);

}  // namespace jobcenter::register_plugin
