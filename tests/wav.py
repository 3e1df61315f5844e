"""What espeak-ng wrote and what ALSA captured, as 16-bit samples: the pieces
the speech tests (speech_capture.py, speech_voices.py) share."""

import struct


def samples_of_wav(data):
    """The data chunk of a WAV file (espeak-ng -w / --stdout), as bytes of S16_LE."""
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE", "not a WAV file"
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if cid == b"fmt ":
            fmt = struct.unpack("<HHIIHH", data[pos + 8:pos + 24])
            assert fmt[1] == 1 and fmt[2] == 22050 and fmt[5] == 16, "espeak-ng's WAV is not 22050 Hz mono 16-bit: %r" % (fmt,)
        if cid == b"data":
            # espeak-ng --stdout cannot seek back, so its sizes may be 0 or 0x7ffff...: take the rest
            end = pos + 8 + size
            return data[pos + 8:end if 0 < size and end <= len(data) else len(data)]
        pos += 8 + size + (size & 1)
    raise AssertionError("no data chunk")


def core(pcm, threshold=64):
    """The samples between the first and the last one louder than the threshold (no leading or trailing silence)."""
    n = len(pcm) // 2
    vals = struct.unpack("<%dh" % n, pcm[:n * 2])
    first = next((i for i, v in enumerate(vals) if abs(v) > threshold), None)
    if first is None:
        return b""
    last = n - 1 - next(i for i, v in enumerate(reversed(vals)) if abs(v) > threshold)
    return pcm[first * 2:(last + 1) * 2]


def best_correlation(needle, hay, step=8):
    """Normalized cross-correlation peak (a diagnosis when the exact match fails), on every step-th sample."""
    a = struct.unpack("<%dh" % (len(needle) // 2), needle)[::step]
    b = struct.unpack("<%dh" % (len(hay) // 2), hay)[::step]
    if len(b) < len(a) or not a:
        return 0.0, -1
    na = sum(x * x for x in a) ** 0.5
    best, at = 0.0, -1
    for off in range(0, len(b) - len(a) + 1):
        seg = b[off:off + len(a)]
        nb = sum(x * x for x in seg) ** 0.5
        if nb == 0:
            continue
        c = sum(x * y for x, y in zip(a, seg)) / (na * nb)
        if c > best:
            best, at = c, off * step
    return best, at
