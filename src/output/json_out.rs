//! Each public type as JSON, through [`JsonWriter`]: the same text Rust callers get and the
//! same value, as tokens, that JavaScript gets.

use crate::model::*;
use crate::output::write::{JsonWriter, ToJson};
use crate::summary::*;
use crate::Issue;

impl ToJson for Issue {
    fn write_json(&self, w: &mut JsonWriter) {
        w.object(|w| {
            w.key("code").str(self.code.as_str());
            w.key("severity").str(self.severity.as_str());
            w.key("message").str(&self.message);
            w.opt_str("hint", self.hint.as_deref());
            w.key("path").str(&self.path);
            w.key("line").opt_num(self.line);
            w.key("column").opt_num(self.column);
            w.key("offset").opt_num(self.offset);
            w.key("length").opt_num(self.length);
        });
    }
}

impl ToJson for Provider {
    fn write_json(&self, w: &mut JsonWriter) {
        w.object(|w| {
            w.opt_str("id", self.id.as_deref());
            w.opt_str("name", self.name.as_deref());
        });
    }
}

impl ToJson for Event {
    fn write_json(&self, w: &mut JsonWriter) {
        let info = &self.body.phone_number_info;
        w.object(|w| {
            w.key("uuid").str(&self.uuid);
            w.key("event").str(&self.event);
            w.key("accountId").str(&self.account_id);
            w.key("timestamp").str(&self.timestamp);
            w.key("time").str(&self.time.to_iso());
            w.key("subscriptionId").str(&self.subscription_id);
            w.key("ownerId").str(&self.owner_id);
            w.key("body").object(|w| {
                w.key("eventType").str(self.body.event_type.as_str());
                w.key("phoneNumberInfo").object(|w| {
                    w.opt_str("uri", info.uri.as_deref());
                    w.key("id").str(&info.id);
                    w.key("phoneNumber").str(&info.phone_number);
                    w.opt_str("paymentType", info.payment_type.as_deref());
                    w.opt_str("location", info.location.as_deref());
                    w.opt_str("type", info.number_type.map(NumberType::as_str));
                    w.opt_str("usageType", info.usage_type.as_deref());
                    w.opt_str("status", info.status.as_deref());
                    if let Some(p) = &info.contact_center_provider {
                        p.write_json(w.key("contactCenterProvider"));
                    }
                });
            });
        });
    }
}

impl ToJson for Change {
    fn write_json(&self, w: &mut JsonWriter) {
        w.object(|w| {
            w.key("action").str(self.action);
            w.key("effect").str(self.effect.as_str());
            w.key("phoneNumber").str(&self.phone_number);
            w.key("id").str(&self.id);
            w.opt_str("type", self.number_type.map(NumberType::as_str));
            w.opt_str("usageType", self.usage_type.as_deref());
            if let Some(p) = &self.provider {
                p.write_json(w.key("provider"));
            }
            w.key("accountId").str(&self.account_id);
            w.key("time").str(&self.time.to_iso());
            w.key("sentence").str(&self.sentence);
        });
    }
}

pub fn write_issues(w: &mut JsonWriter, issues: &[Issue]) {
    w.array(|w| {
        for i in issues {
            i.write_json(w.item());
        }
    });
}

impl ToJson for Report {
    fn write_json(&self, w: &mut JsonWriter) {
        w.object(|w| {
            w.key("valid").bool(self.valid);
            w.key("kind").str(self.kind.as_str());
            w.key("delivery").str(self.delivery.as_str());
            write_issues(w.key("errors"), &self.errors);
            write_issues(w.key("warnings"), &self.warnings);
            if let Some(e) = &self.event {
                e.write_json(w.key("event"));
            }
            if let Some(c) = &self.change {
                c.write_json(w.key("change"));
            }
            w.opt_str("text", self.text.as_deref());
            w.opt_str("markdown", self.markdown.as_deref());
            w.opt_str("csv", self.csv.as_deref());
        });
    }
}

fn strings(w: &mut JsonWriter, list: &[String]) {
    w.array(|w| {
        for s in list {
            w.item().str(s);
        }
    });
}

impl ToJson for Net {
    fn write_json(&self, w: &mut JsonWriter) {
        w.object(|w| {
            strings(w.key("added"), &self.added);
            strings(w.key("removed"), &self.removed);
            strings(w.key("changed"), &self.changed);
            strings(w.key("transient"), &self.transient);
        });
    }
}

fn index(w: &mut JsonWriter, i: Option<usize>) {
    match i {
        Some(i) => w.num(i),
        None => w.null(),
    }
}

impl ToJson for Summary {
    fn write_json(&self, w: &mut JsonWriter) {
        w.object(|w| {
            for (k, v) in [
                ("events", self.events),
                ("valid", self.valid),
                ("invalid", self.invalid),
                ("other", self.other),
                ("duplicates", self.duplicates),
                ("outOfOrder", self.out_of_order),
                ("warnings", self.warnings),
            ] {
                w.key(k).num(v);
            }
            w.key("byEventType").object(|w| {
                w.key("Created").num(self.created);
                w.key("Updated").num(self.updated);
                w.key("Deleted").num(self.deleted);
            });
            w.key("otherKinds").object(|w| {
                w.key("subscriptionRenewal").num(self.renewal_reminders);
                w.key("otherEvent").num(self.other_events);
                w.key("websocketFrame").num(self.other_frames);
            });
            w.key("truncated").bool(self.truncated);
            w.key("limitReached").bool(self.limit_reached);
            w.key("problems").array(|w| {
                for p in &self.problems {
                    w.item().object(|w| {
                        index(w.key("index"), p.index);
                        w.key("line").num(p.line);
                        w.key("kind").str(p.kind.as_str());
                        write_issues(w.key("issues"), &p.issues);
                    });
                }
            });
            w.key("issuesNotListed").num(self.issues_not_listed);
            w.key("duplicateItems").array(|w| {
                for d in &self.duplicate_items {
                    w.item().object(|w| {
                        w.key("index").num(d.index);
                        w.key("line").num(d.line);
                        w.key("uuid").str(&d.uuid);
                        w.key("firstIndex").num(d.first_index);
                        w.key("firstLine").num(d.first_line);
                        w.key("identical").bool(d.identical);
                    });
                }
            });
            w.key("outOfOrderItems").array(|w| {
                for l in &self.out_of_order_items {
                    w.item().object(|w| {
                        w.key("index").num(l.index);
                        w.key("line").num(l.line);
                        w.key("uuid").str(&l.uuid);
                        w.key("time").str(&l.time.to_iso());
                        w.key("after").str(&l.after.to_iso());
                        w.key("afterIndex").num(l.after_index);
                    });
                }
            });
            w.key("groups").array(|w| {
                for g in &self.groups {
                    w.item().object(|w| {
                        w.key("key").str(&g.key);
                        w.opt_str("accountId", g.account_id.as_deref());
                        w.opt_str("ownerId", g.owner_id.as_deref());
                        w.key("events").num(g.events);
                        w.key("numbers").num(g.numbers);
                        g.net.write_json(w.key("net"));
                    });
                }
            });
            w.key("numbers").array(|w| {
                for t in &self.numbers {
                    w.item().object(|w| {
                        w.key("group").str(&t.group);
                        w.key("id").str(&t.id);
                        w.key("phoneNumber").str(&t.phone_number);
                        w.key("entriesNotListed").num(t.entries_not_listed);
                        w.key("timeline").array(|w| {
                            for e in &t.entries {
                                w.item().object(|w| {
                                    w.key("time").str(&e.time.to_iso());
                                    w.key("uuid").str(&e.uuid);
                                    w.key("eventType").str(e.event_type.as_str());
                                    w.key("effect").str(e.effect.as_str());
                                    w.key("index").num(e.index);
                                    w.key("line").num(e.line);
                                    w.key("changes").array(|w| {
                                        for c in &e.changes {
                                            w.item().object(|w| {
                                                w.key("field").str(c.field);
                                                match &c.from {
                                                    Some(f) => w.key("from").str(f),
                                                    None => w.key("from").null(),
                                                }
                                                w.key("to").str(&c.to);
                                            });
                                        }
                                    });
                                });
                            }
                        });
                    });
                }
            });
            w.key("numbersNotListed").num(self.numbers_not_listed);
            w.key("outputTruncated").bool(self.output_truncated);
            self.net.write_json(w.key("net"));
            w.key("text").str(&self.text);
            w.opt_str("markdown", self.markdown.as_deref());
            w.opt_str("csv", self.csv.as_deref());
        });
    }
}
