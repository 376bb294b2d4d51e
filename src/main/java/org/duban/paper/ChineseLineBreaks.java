package org.duban.paper;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese text may break (避头尾): after any Han character or space, as the default does, but never
 * before closing punctuation (，。、”）》〕…) nor after opening punctuation (“（《〔…), which typesetting keeps off the start
 * and the end of a line; and never inside a run of Latin letters and digits.
 */
final class ChineseLineBreaks implements SplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    private static final String CLOSING = "，。、；：？！）」』”’》〉】〕｝］…—％·,.;:?!)]}%";
    private static final String OPENING = "（「『“‘《〈【〔｛［([{";

    private ChineseLineBreaks() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = cc[current];
        char next = current + 1 < end ? cc[current + 1] : ' ';
        if (OPENING.indexOf(c) >= 0 || CLOSING.indexOf(next) >= 0) {
            return false;
        }
        if (c == ' ' || c == '-' || c == '\u2010') {
            return true;
        }
        boolean wide = c >= 0x2e80 && c < 0xd7a0 || c >= 0xf900 && c < 0xfb00 || c >= 0xfe30 && c < 0xfe50 || c >= 0xff00 && c < 0xffa0
                || c >= 0x2000 && CLOSING.indexOf(c) >= 0;
        boolean nextWide = next >= 0x2e80 && next < 0xd7a0 || next >= 0xf900 && next < 0xfb00 || next >= 0xff00 && next < 0xffa0
                || OPENING.indexOf(next) >= 0;
        return wide || nextWide;
    }
}
