using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>
/// The optical line between a reader and a <see cref="SimulatedIecMeter"/>, as Core's <see cref="IByteLink"/>. The
/// reader's framing is what it last gave <see cref="Configure"/>; the meter's is its own. Every character is paced at
/// the real wire rate of its sender's framing (10 or 11 bits per character at its baud) and arrives when its last bit
/// has; a receiver whose framing differs from the sender's gets what a UART would (<see cref="LineMismatch"/>: the
/// seed capture's 7E1-read-as-8N1, noise at a wrong baud). Characters still leaving the reader's UART when it changes
/// its framing go out in the new one (the classic "switched too early" failure). An echoing head returns the reader's
/// own characters. Time comes from an <see cref="IMillisecondClock"/>: a <see cref="VirtualClock"/> for fast,
/// deterministic runs, or real time. Single-threaded: one reader owns the line.
/// </summary>
public sealed class SimulatedIecLine : IByteLink
{
    private readonly SimulatedIecMeter[] _meters;
    private readonly IMillisecondClock _clock;
    private readonly Random _noise;
    private readonly LinkedList<Character> _toMeter = new();
    private readonly LinkedList<Character> _toReader = new();
    private readonly byte[] _decoded = new byte[2];
    private LineSettings _reader = SimulatedIecMeter.SignOnLine;
    private long _readerBusyUntil;

    public SimulatedIecLine(SimulatedIecMeter meter, IMillisecondClock clock, int seed = 7)
        : this(new[] { meter ?? throw new ArgumentNullException(nameof(meter)) }, clock, seed)
    {
    }

    /// <summary>
    /// Several meters on one line (an RS485 bus or a current loop): every meter hears the reader, each answers only
    /// requests naming its address (or "/?!"), and answers that overlap on the line garble each other.
    /// </summary>
    public SimulatedIecLine(IReadOnlyList<SimulatedIecMeter> meters, IMillisecondClock clock, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(meters);
        if (meters.Count == 0)
        {
            throw new ArgumentException("a line needs at least one meter", nameof(meters));
        }

        _meters = meters.ToArray();
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _noise = new Random(seed);
    }

    /// <summary>The (first) meter on the line.</summary>
    public SimulatedIecMeter Meter => _meters[0];

    /// <summary>The reader's framing.</summary>
    public LineSettings ReaderLine => _reader;

    /// <summary>Characters that reached either end in a framing other than the one they were sent in.</summary>
    public int GarbledCharacters { get; private set; }

    public long BytesToMeter { get; private set; }

    public long BytesToReader { get; private set; }

    public LinkStatus Configure(LineSettings settings)
    {
        long now = NowMicroseconds;
        Pump(now);
        _reader = settings;
        for (var node = _toMeter.First; node is not null; node = node.Next)
        {
            if (node.Value.FromReader && node.Value.Arrival > now)
            {
                node.Value = node.Value with { Line = settings };
            }
        }

        return LinkStatus.Ok;
    }

    public LinkStatus Write(byte[] buffer, int offset, int count)
    {
        long now = NowMicroseconds;
        Pump(now);
        long start = Math.Max(now, _readerBusyUntil);
        for (int i = 0; i < count; i++)
        {
            long arrival = start + _reader.WireMicroseconds(i + 1);
            _toMeter.AddLast(new Character(buffer[offset + i], arrival, _reader, true));
            if (_meters[0].Profile.HeadEchoes)
            {
                Insert(_toReader, new Character(buffer[offset + i], arrival, _reader, true));
            }
        }

        _readerBusyUntil = start + _reader.WireMicroseconds(count);
        BytesToMeter += count;
        return LinkStatus.Ok;
    }

    public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
    {
        long deadline = NowMicroseconds + Math.Max(0, timeoutMilliseconds) * 1000L;
        while (true)
        {
            long now = NowMicroseconds;
            Pump(now);
            bytesRead = Deliver(buffer, offset, count, now);
            if (bytesRead > 0)
            {
                return LinkStatus.Ok;
            }

            long next = Math.Min(Math.Min(Head(_toReader), Head(_toMeter)), NextMeterEvent());
            if (next > deadline)
            {
                next = deadline;
            }

            if (now >= deadline)
            {
                return LinkStatus.Timeout;
            }

            // Whole milliseconds on the clock: wait until the event's millisecond has begun.
            int wait = (int)Math.Max(1, (next - now + 999) / 1000);
            _clock.Sleep(wait);
        }
    }

    private long NowMicroseconds => _clock.NowMilliseconds * 1000L;

    // Everything up to now: characters reach the meter (which may answer), the meter's answers go on the wire.
    private void Pump(long now)
    {
        while (true)
        {
            MoveOutbox();
            var first = _toMeter.First;
            long character = first is not null && first.Value.Arrival <= now ? first.Value.Arrival : long.MaxValue;
            long meterEvent = NextMeterEvent();
            if (meterEvent > now)
            {
                meterEvent = long.MaxValue;
            }

            if (character == long.MaxValue && meterEvent == long.MaxValue)
            {
                return;
            }

            if (character <= meterEvent)
            {
                _toMeter.RemoveFirst();
                foreach (SimulatedIecMeter meter in _meters)
                {
                    int n = Decode(first!.Value, meter.Line, _decoded);
                    for (int i = 0; i < n; i++)
                    {
                        meter.Receive(_decoded[i], character);
                    }
                }
            }
            else
            {
                foreach (SimulatedIecMeter meter in _meters)
                {
                    if (meter.NextEvent <= meterEvent)
                    {
                        meter.Tick(meterEvent);
                    }
                }

                if (NextMeterEvent() <= meterEvent)
                {
                    return; // no progress possible (never expected): leave the rest for later
                }
            }
        }
    }

    private long NextMeterEvent()
    {
        long next = long.MaxValue;
        foreach (SimulatedIecMeter meter in _meters)
        {
            next = Math.Min(next, meter.NextEvent);
        }

        return next;
    }

    // The meters' transmissions onto the wire; where two overlap, both are garbled (a collision on the bus).
    private void MoveOutbox()
    {
        foreach (SimulatedIecMeter meter in _meters)
        {
            while (meter.Outbox.Count > 0)
            {
                var (bytes, start, line) = meter.Outbox.Dequeue();
                for (int i = 0; i < bytes.Length; i++)
                {
                    var c = new Character(bytes[i], start + line.WireMicroseconds(i + 1), line, false);
                    long characterTime = line.WireMicroseconds(1);
                    bool collided = false;
                    for (var node = _meters.Length > 1 ? _toReader.First : null; node is not null; node = node.Next)
                    {
                        if (!node.Value.FromReader && Math.Abs(node.Value.Arrival - c.Arrival) < characterTime)
                        {
                            node.Value = node.Value with { Value = (byte)(node.Value.Value & c.Value) };
                            collided = true;
                        }
                    }

                    if (!collided)
                    {
                        Insert(_toReader, c);
                    }
                    else
                    {
                        Collisions++;
                    }
                }

                BytesToReader += bytes.Length;
            }
        }
    }

    /// <summary>Characters two meters sent at the same time (the bus carries the wired-AND of both: a 0 bit wins).</summary>
    public int Collisions { get; private set; }

    private int Deliver(byte[] buffer, int offset, int count, long now)
    {
        int n = 0;
        while (n < count && _toReader.First is { } first && first.Value.Arrival <= now)
        {
            int decoded = Decode(first.Value, _reader, _decoded);
            if (n + decoded > count)
            {
                break;
            }

            _toReader.RemoveFirst();
            for (int i = 0; i < decoded; i++)
            {
                buffer[offset + n++] = _decoded[i];
            }
        }

        return n;
    }

    private int Decode(Character c, LineSettings receiver, byte[] output)
    {
        if (LineMismatch.SameFraming(c.Line, receiver))
        {
            output[0] = receiver.DataBits >= 8 ? c.Value : (byte)(c.Value & 0x7F);
            return 1;
        }

        GarbledCharacters++;
        return LineMismatch.Decode(c.Value, c.Line, receiver, _noise, output);
    }

    private static long Head(LinkedList<Character> queue) => queue.First?.Value.Arrival ?? long.MaxValue;

    // In arrival order (the echo and the meter's answer may interleave).
    private static void Insert(LinkedList<Character> queue, Character c)
    {
        var node = queue.Last;
        while (node is not null && node.Value.Arrival > c.Arrival)
        {
            node = node.Previous;
        }

        if (node is null)
        {
            queue.AddFirst(c);
        }
        else
        {
            queue.AddAfter(node, c);
        }
    }

    private readonly record struct Character(byte Value, long Arrival, LineSettings Line, bool FromReader);
}
