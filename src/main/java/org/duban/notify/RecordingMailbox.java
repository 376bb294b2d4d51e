package org.duban.notify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Where mail goes when duban.mail.mock is on: kept in memory (the latest few thousand) for dev mode and tests. */
@ApplicationScoped
public class RecordingMailbox {

    private static final int KEPT = 5000;

    /** A message as it would have been sent. */
    public record SentMail(String to, String subject, String text, String deliveryId) {
    }

    private final Deque<SentMail> mails = new ArrayDeque<>();

    synchronized void add(SentMail mail) {
        if (mails.size() == KEPT) {
            mails.removeFirst();
        }
        mails.addLast(mail);
    }

    public synchronized List<SentMail> sentTo(String address) {
        return mails.stream().filter(m -> m.to().equals(address)).toList();
    }
}
