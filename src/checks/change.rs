//! What one valid event did, in words a support engineer would write.

use crate::checks::rules::ACCOUNT_PLACEHOLDER;
use crate::model::timestamp::Instant;
use crate::model::vocab::CONTACT_CENTER;
use crate::model::{Change, Effect, Event, EventType, NumberType};
use crate::text::quote::clip;

/// The effect of an event on the account's Contact Center numbers.
pub fn effect_of(event_type: EventType, usage_type: Option<&str>) -> Effect {
    match event_type {
        EventType::Created => Effect::Added,
        EventType::Deleted => Effect::Removed,
        EventType::Updated if usage_type == Some(CONTACT_CENTER) => Effect::ConvertedIn,
        EventType::Updated => Effect::ReassignedAway,
    }
}

/// How an account reads in a sentence.
pub fn describe_account(account: &str) -> String {
    let mut out = String::new();
    push_account(&mut out, account);
    out
}

fn push_account(out: &mut String, account: &str) {
    match account {
        "~" => out.push_str("the subscriber's own account"),
        ACCOUNT_PLACEHOLDER => out.push_str("an unnamed account (the filter holds `{accountId}`)"),
        a => {
            out.push_str("account ");
            out.push_str(a);
        }
    }
}

/// What the sentence of a change is made of, borrowed from an event wherever it lives.
pub struct Facts<'a> {
    pub event_type: EventType,
    pub phone_number: &'a str,
    pub id: &'a str,
    pub number_type: Option<NumberType>,
    pub location: Option<&'a str>,
    pub usage_type: Option<&'a str>,
    pub account_id: &'a str,
    /// The provider's name, or its id when it has no name.
    pub provider: Option<&'a str>,
    pub time: Instant,
}

impl<'a> Facts<'a> {
    pub fn of(event: &'a Event) -> Self {
        let info = &event.body.phone_number_info;
        Facts {
            event_type: event.body.event_type,
            phone_number: &info.phone_number,
            id: &info.id,
            number_type: info.number_type,
            location: info.location.as_deref(),
            usage_type: info.usage_type.as_deref(),
            account_id: &event.account_id,
            provider: info
                .contact_center_provider
                .as_ref()
                .and_then(|p| p.name.as_deref().or(p.id.as_deref())),
            time: event.time,
        }
    }

    pub fn effect(&self) -> Effect {
        effect_of(self.event_type, self.usage_type)
    }

    /// `created`, `updated` or `deleted`.
    pub fn action(&self) -> &'static str {
        match self.event_type {
            EventType::Created => "created",
            EventType::Updated => "updated",
            EventType::Deleted => "deleted",
        }
    }

    /// Appends the change's sentence to `text`.
    pub fn write_sentence(&self, text: &mut String) {
        let effect = self.effect();
        text.push_str(match effect {
            Effect::Added | Effect::Removed | Effect::Updated => "Contact Center number ",
            Effect::ConvertedIn | Effect::ReassignedAway => "Phone number ",
        });
        text.push_str(self.phone_number);
        text.push_str(" (id ");
        text.push_str(self.id);
        if let Some(t) = self.number_type {
            text.push_str(", ");
            text.push_str(t.as_str());
        }
        // Free text from the payload is clipped and escaped, as messages quote values: a
        // sentence is one line, whatever the payload holds.
        if let Some(l) = self.location.filter(|l| !l.is_empty()) {
            text.push_str(", ");
            text.push_str(&clip(l));
        }
        text.push_str(") was ");
        text.push_str(match effect {
            Effect::Added => "created on ",
            Effect::Removed => "deleted from ",
            Effect::ConvertedIn => "converted to a Contact Center number on ",
            Effect::ReassignedAway => "reassigned from Contact Center to ",
            Effect::Updated => "updated on ",
        });
        if effect == Effect::ReassignedAway {
            text.push_str(&self.usage_type.map_or("another use".into(), clip));
            text.push_str(" on ");
        }
        push_account(text, self.account_id);
        if let (Some(p), Effect::Added | Effect::ConvertedIn | Effect::Updated) =
            (self.provider, effect)
        {
            text.push_str(" with provider \u{201c}");
            text.push_str(&clip(p));
            text.push('\u{201d}');
        }
        text.push_str(" at ");
        self.time.write_human(text);
        text.push('.');
    }
}

/// The change record for a valid event.
pub fn change_of(event: &Event) -> Change {
    let facts = Facts::of(event);
    // One buffer, pushed in order: this runs for every valid event of a log.
    let mut sentence = String::with_capacity(192);
    facts.write_sentence(&mut sentence);
    let info = &event.body.phone_number_info;
    Change {
        action: facts.action(),
        effect: facts.effect(),
        phone_number: info.phone_number.clone(),
        id: info.id.clone(),
        number_type: info.number_type,
        usage_type: info.usage_type.clone(),
        provider: info.contact_center_provider.clone(),
        account_id: event.account_id.clone(),
        time: event.time,
        sentence,
    }
}
