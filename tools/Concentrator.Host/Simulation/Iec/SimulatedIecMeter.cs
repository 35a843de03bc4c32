using System.Text;
using Concentrator.Core.Io;

namespace Concentrator.Host.Simulation.Iec;

/// <summary>
/// The meter side of IEC 62056-21 in virtual time (µs): it receives decoded characters from the line, answers after
/// its reaction time, switches its UART as the protocol says, and puts its transmissions (bytes, start, framing) in an
/// outbox the line paces onto the wire. Modes A, B, C, D and E, programming mode with a password, battery wake-up,
/// device addresses, and the faults of <see cref="IecMeterFault"/>. Values come from an <see cref="E350MeterModel"/>.
/// Single-threaded: the line drives it.
/// </summary>
public sealed class SimulatedIecMeter
{
    public static readonly LineSettings SignOnLine = new(300, 7, LineParity.Even, 1, false);

    private enum State
    {
        Idle,
        Request,
        AwaitOptionSelect,
        Sending,
        Programming,
        Hdlc,
    }

    private readonly IecMeterProfile _profile;
    private readonly DateTime _startUtc;
    private readonly List<byte> _message = new();
    private State _state;
    private long _lastReceived;
    private long _busyUntil;
    private long _awakeUntil = long.MinValue;
    private int _nulCount;
    private long _firstNul;
    private long _nextPush;
    private bool _authenticated;
    private IecMeterFault _fault;
    private int _sessionNumber;

    public SimulatedIecMeter(IecMeterProfile profile, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        _profile = profile;
        _startUtc = startUtc;
        Model = new E350MeterModel(profile.Seed, startUtc, false, 0);
        _nextPush = profile.Mode == 'D' ? 1_000_000 : long.MaxValue;
    }

    public IecMeterProfile Profile => _profile;

    public E350MeterModel Model { get; }

    /// <summary>The meter's UART framing now (it receives with it).</summary>
    public LineSettings Line { get; private set; } = SignOnLine;

    /// <summary>Transmissions not yet taken by the line.</summary>
    public Queue<(byte[] Bytes, long StartMicroseconds, LineSettings Line)> Outbox { get; } = new();

    public int SignOns { get; private set; }

    public int Readouts { get; private set; }

    /// <summary>The last readout's data block (STX … ETX BCC included), for checks.</summary>
    public byte[] LastReadout { get; private set; } = [];

    /// <summary>When <see cref="Tick"/> must run next (µs), or long.MaxValue.</summary>
    public long NextEvent
    {
        get
        {
            long next = _nextPush;
            if (_state == State.Sending)
            {
                next = Math.Min(next, _busyUntil);
            }
            else if (_state != State.Idle)
            {
                next = Math.Min(next, Math.Max(_busyUntil, _lastReceived) + _profile.InactivityMilliseconds * 1000L);
            }

            return next;
        }
    }

    /// <summary>Time passes: inactivity drops the meter back to its sign-on state; a mode D meter pushes.</summary>
    public void Tick(long now)
    {
        if (_state == State.Sending && now >= _busyUntil)
        {
            ToIdle();
        }

        if (_state != State.Idle && now >= Math.Max(_busyUntil, _lastReceived) + _profile.InactivityMilliseconds * 1000L)
        {
            ToIdle();
        }

        if (now >= _nextPush)
        {
            var readout = Readout(now);
            Send(Concat(Encoding.ASCII.GetBytes("/" + _profile.IdentificationLine() + "\r\n"), readout), _nextPush, new LineSettings(2400, 7, LineParity.Even, 1, false));
            _nextPush += _profile.PushIntervalMilliseconds * 1000L;
        }
    }

    /// <summary>One character arrived at <paramref name="now"/> (µs), as the meter's UART decoded it.</summary>
    public void Receive(byte b, long now)
    {
        Tick(now);
        _lastReceived = now;
        switch (_state)
        {
            case State.Idle:
                if (b == 0)
                {
                    CountNul(now);
                }
                else if (b == '/')
                {
                    _message.Clear();
                    _message.Add(b);
                    _state = State.Request;
                }

                break;
            case State.Request:
                _message.Add(b);
                if (b == '\n')
                {
                    OnRequest(now);
                }
                else if (_message.Count > 40 || b >= 0x80)
                {
                    _state = State.Idle;
                }

                break;
            case State.AwaitOptionSelect:
                _message.Add(b);
                if (b == '\n')
                {
                    OnOptionSelect(now);
                }
                else if (_message.Count > 6)
                {
                    ToIdle();
                }

                break;
            case State.Programming:
                OnProgrammingByte(b, now);
                break;
            default:
                break; // sending, or HDLC after a mode E handover: not this simulator's business
        }
    }

    private void CountNul(long now)
    {
        if (_nulCount == 0 || now - _firstNul > 5_000_000)
        {
            _nulCount = 0;
            _firstNul = now;
        }

        if (++_nulCount >= 20)
        {
            _awakeUntil = now + 5_000_000;
        }
    }

    private void OnRequest(long now)
    {
        string text = Encoding.ASCII.GetString(_message.ToArray());
        _state = State.Idle;
        if (!text.StartsWith("/?", StringComparison.Ordinal) || !text.EndsWith("!\r\n", StringComparison.Ordinal) || _profile.Mode == 'D')
        {
            return;
        }

        string address = text.Substring(2, text.Length - 5);
        if (address.Length > 0 && address != _profile.Address)
        {
            return; // another meter on the line is meant
        }

        if (_profile.BatteryPowered && now > _awakeUntil)
        {
            return; // asleep: the optical port needs its NUL train first
        }

        SignOns++;
        _fault = _profile.Faults.Length == 0 ? IecMeterFault.None : _profile.Faults[_sessionNumber++ % _profile.Faults.Length];
        if (_fault == IecMeterFault.Silence)
        {
            return;
        }

        _authenticated = false;
        byte[] identification = Encoding.ASCII.GetBytes("/" + _profile.IdentificationLine() + "\r\n");
        long start = now + _profile.ReactionMilliseconds * 1000L;
        switch (_profile.Mode)
        {
            case 'A':
                _state = State.Sending;
                Send(Concat(identification, Readout(start)), start, SignOnLine);
                break;
            case 'B':
                Send(identification, start, SignOnLine);
                long switched = _busyUntil;
                _state = State.Sending;
                Line = Fast(_profile.MaximumBaud);
                Send(Readout(switched), switched + _profile.ReactionMilliseconds * 1000L, Line);
                break;
            default:
                Send(identification, start, SignOnLine);
                _message.Clear();
                _state = State.AwaitOptionSelect;
                break;
        }
    }

    private void OnOptionSelect(long now)
    {
        byte[] m = _message.ToArray();
        _message.Clear();
        if (m.Length != 6 || m[0] != 0x06 || m[4] != '\r')
        {
            ToIdle();
            return;
        }

        int baud = m[2] >= '0' && m[2] <= '6' ? 300 << (m[2] - '0') : 0;
        if (baud == 0 || baud > _profile.MaximumBaud)
        {
            ToIdle();
            return;
        }

        if (_fault == IecMeterFault.IgnoresBaudSwitch)
        {
            baud = 300;
        }

        long start = now + _profile.ReactionMilliseconds * 1000L;
        if (m[1] == '2' && m[3] == '2' && _profile.Mode == 'E')
        {
            Line = new LineSettings(baud, 8, LineParity.None, 1, false);
            _state = State.Hdlc;
            return;
        }

        Line = Fast(baud);
        if (m[1] == '0' && m[3] == '1')
        {
            _state = State.Programming;
            Send(Block(0x01, "P0\u0002(" + _profile.Address + ")"), start, Line);
            return;
        }

        if (m[1] == '0' && m[3] == '0')
        {
            _state = State.Sending;
            Send(Readout(start), start, Line);
            return;
        }

        ToIdle();
    }

    private void OnProgrammingByte(byte b, long now)
    {
        if (_message.Count == 0 && b != 0x01)
        {
            return;
        }

        _message.Add(b);
        int etx = _message.IndexOf(0x03);
        if (etx < 0 || _message.Count < etx + 2)
        {
            if (_message.Count > 200)
            {
                _message.Clear();
            }

            return;
        }

        byte[] m = _message.ToArray();
        _message.Clear();
        byte bcc = 0;
        for (int i = 1; i <= etx; i++)
        {
            bcc ^= m[i];
        }

        long start = now + _profile.ReactionMilliseconds * 1000L;
        if (bcc != m[etx + 1])
        {
            Send([0x15], start, Line); // NAK: repeat please
            return;
        }

        string body = Encoding.ASCII.GetString(m, 1, etx - 1);
        if (body.StartsWith("B0", StringComparison.Ordinal))
        {
            ToIdle();
            return;
        }

        int stx = body.IndexOf('\u0002');
        string data = stx < 0 ? string.Empty : body.Substring(stx + 1);
        if (body.StartsWith("P1", StringComparison.Ordinal))
        {
            _authenticated = data == "(" + _profile.Password + ")";
            Send([_authenticated ? (byte)0x06 : (byte)0x15], start, Line);
            return;
        }

        if (body.StartsWith("R", StringComparison.Ordinal))
        {
            int open = data.IndexOf('(');
            string address = open < 0 ? data : data.Substring(0, open);
            string readout = IecReadoutWriter.Write(Model, _profile, LocalTime(now));
            string? line = IecReadoutWriter.Register(readout, address);
            bool locked = Array.IndexOf(_profile.ProtectedRegisters, address) >= 0 && !_authenticated;
            Send(Block(0x02, line is null || locked ? "(ERROR)" : line), start, Line);
        }
    }

    private void ToIdle()
    {
        _state = State.Idle;
        _message.Clear();
        Line = SignOnLine;
    }

    // The readout data message; the fault of this session applied.
    private byte[] Readout(long now)
    {
        string data = IecReadoutWriter.Write(Model, _profile, LocalTime(now));
        byte[] block = Block(0x02, data);
        Readouts++;
        LastReadout = block;
        if (_fault == IecMeterFault.WrongBcc)
        {
            block = (byte[])block.Clone();
            block[^1] ^= 0x5A;
        }
        else if (_fault == IecMeterFault.Truncation)
        {
            block = block.AsSpan(0, block.Length / 2).ToArray();
        }

        return block;
    }

    private DateTime LocalTime(long now)
    {
        DateTime utc = _startUtc.AddTicks(now * 10);
        Model.AdvanceTo(utc);
        return utc.AddHours(1);
    }

    private void Send(byte[] bytes, long start, LineSettings line)
    {
        start = Math.Max(start, _busyUntil);
        Outbox.Enqueue((bytes, start, line));
        _busyUntil = start + line.WireMicroseconds(bytes.Length);
    }

    private static LineSettings Fast(int baud) => new(baud, 7, LineParity.Even, 1, false);

    /// <summary>start (SOH or STX), body, ETX, BCC over everything after the start.</summary>
    private static byte[] Block(byte start, string body)
    {
        byte[] bytes = new byte[body.Length + 3];
        bytes[0] = start;
        Encoding.ASCII.GetBytes(body, 0, body.Length, bytes, 1);
        bytes[^2] = 0x03;
        byte bcc = 0;
        for (int i = 1; i < bytes.Length - 1; i++)
        {
            bcc ^= bytes[i];
        }

        bytes[^1] = bcc;
        return bytes;
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        byte[] all = new byte[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }
}
