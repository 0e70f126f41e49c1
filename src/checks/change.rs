//! What one valid event did, in words a support engineer would write.

use crate::model::event_ref::EventRef;
use crate::model::formats::ACCOUNT_PLACEHOLDER;
use crate::model::vocab::CONTACT_CENTER;
use crate::model::{Change, ContactCenterEvent, Effect, EventType};
use crate::text::push::push_short;
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
            push_short(out, a);
        }
    }
}

/// What an event did, read from its one shape, whichever route borrowed it.
impl EventRef<'_> {
    /// What the event did to the account's Contact Center numbers, as far as one event tells.
    pub fn effect(&self) -> Effect {
        effect_of(self.body.event_type, self.info().usage_type)
    }

    /// `created`, `updated` or `deleted`.
    pub fn action(&self) -> &'static str {
        match self.body.event_type {
            EventType::Created => "created",
            EventType::Updated => "updated",
            EventType::Deleted => "deleted",
        }
    }

    /// Appends the change's sentence to `text`.
    pub fn write_sentence(&self, text: &mut String) {
        let iso = self.time.is_iso_text(self.timestamp);
        self.write_sentence_with(text, iso.then_some(self.timestamp));
    }

    /// [`Self::write_sentence`], `iso` the time's ISO text when the caller knows it (by
    /// [`Instant::is_iso_text`](crate::Instant::is_iso_text)), which the sentence's time is
    /// copied out of.
    pub fn write_sentence_with(&self, text: &mut String, iso: Option<&str>) {
        self.write_sentence_marked(text, iso, ["\u{201c}", "\u{201d}"]);
    }

    /// [`Self::write_sentence_with`], the provider's name between `marks` rather than “ ”,
    /// and where each mark starts in `text`, when the sentence names a provider. The lane
    /// (src/js/encode.rs) writes one ASCII byte for each, which JavaScript swaps for “ and ”:
    /// V8 decodes UTF-8 that is ASCII up to its end at a copy's speed, and from the first
    /// other byte on one byte at a time, twice.
    pub fn write_sentence_marked(
        &self,
        text: &mut String,
        iso: Option<&str>,
        marks: [&str; 2],
    ) -> Option<[usize; 2]> {
        let info = self.info();
        let effect = self.effect();
        push_short(
            text,
            match effect {
                Effect::Added | Effect::Removed | Effect::Updated => "Contact Center number ",
                Effect::ConvertedIn | Effect::ReassignedAway => "Phone number ",
            },
        );
        push_short(text, info.phone_number);
        text.push_str(" (id ");
        push_short(text, info.id);
        if let Some(t) = info.number_type {
            text.push_str(", ");
            push_short(text, t.as_str());
        }
        // Free text from the payload is clipped and escaped, as messages quote values: a
        // sentence is one line, whatever the payload holds.
        if let Some(l) = info.location.filter(|l| !l.is_empty()) {
            text.push_str(", ");
            push_short(text, &clip(l));
        }
        text.push_str(") was ");
        push_short(
            text,
            match effect {
                Effect::Added => "created on ",
                Effect::Removed => "deleted from ",
                Effect::ConvertedIn => "converted to a Contact Center number on ",
                Effect::ReassignedAway => "reassigned from Contact Center to ",
                Effect::Updated => "updated on ",
            },
        );
        if effect == Effect::ReassignedAway {
            push_short(text, &info.usage_type.map_or("another use".into(), clip));
            text.push_str(" on ");
        }
        push_account(text, self.account_id);
        let provider = info.contact_center_provider.and_then(|p| p.label());
        let mut marked = None;
        if let (Some(p), Effect::Added | Effect::ConvertedIn | Effect::Updated) = (provider, effect)
        {
            text.push_str(" with provider ");
            let open = text.len();
            push_short(text, marks[0]);
            push_short(text, &clip(p));
            marked = Some([open, text.len()]);
            push_short(text, marks[1]);
        }
        text.push_str(" at ");
        self.time.write_human_from(iso, text);
        text.push('.');
        marked
    }

    /// The change record of this (valid) event.
    pub fn change(&self) -> Change {
        // One buffer, pushed in order: this runs for every valid event of a log.
        let mut sentence = String::with_capacity(192);
        self.write_sentence(&mut sentence);
        let info = self.info();
        Change {
            action: self.action(),
            effect: self.effect(),
            phone_number: info.phone_number.to_string(),
            id: info.id.to_string(),
            number_type: info.number_type,
            usage_type: info.usage_type.map(str::to_string),
            provider: info.contact_center_provider.map(|p| p.to_provider()),
            account_id: self.account_id.to_string(),
            time: self.time,
            sentence,
        }
    }
}

/// The change record for a valid event.
pub fn change_of(event: &ContactCenterEvent) -> Change {
    EventRef::of(event).change()
}
