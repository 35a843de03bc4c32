using System.Globalization;
using System.Text;
using Concentrator.Core.Io;

namespace Concentrator.Host.Simulation;

/// <summary>
/// A GSM modem in memory, seen from the concentrator as its serial link: it answers the 3GPP TS 27.005 text-mode
/// commands the SMS channel uses (AT, ATE0, +CMGF, +CSCS, +CSDH, +CNMI, +CMGL, +CMGR, +CMGS with its "&gt; " prompt
/// and Ctrl-Z, +CMGD), stores delivered messages on a simulated SIM and announces them with +CMTI. Faults: a
/// modem that says nothing, one that refuses to send, one without +CSDH. Thread-safe: tests deliver messages while
/// the channel reads.
/// </summary>
public sealed class SimulatedGsmModem : IByteLink
{
    private readonly object _gate = new();
    private readonly Queue<byte> _toHost = new();
    private readonly StringBuilder _command = new();
    private readonly SortedDictionary<int, StoredMessage> _sim = new();
    private readonly List<SentMessage> _sent = new();
    private bool _echo = true;
    private bool _textMode;
    private string? _sendTo;

    /// <summary>When true the modem answers nothing at all.</summary>
    public bool Silent { get; set; }

    /// <summary>When true AT+CMGS ends with +CMS ERROR: 500 instead of sending.</summary>
    public bool RefuseSending { get; set; }

    /// <summary>When true AT+CSDH=1 is answered ERROR (the header then lacks first octet and coding).</summary>
    public bool NoHeaderDetails { get; set; }

    /// <summary>Every command line received, in order.</summary>
    public List<string> Commands { get; } = new();

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    public int StoredCount
    {
        get
        {
            lock (_gate)
            {
                return _sim.Count;
            }
        }
    }

    public record SentMessage(string Number, string Text);

    private sealed record StoredMessage(string Sender, string Text, int Coding, int FirstOctet, bool Unread);

    /// <summary>Puts a received message on the SIM (lowest free index) and, once set up, announces it with +CMTI.</summary>
    public int Deliver(string sender, string text, int coding = 0, int firstOctet = 4)
    {
        lock (_gate)
        {
            int index = 1;
            while (_sim.ContainsKey(index))
            {
                index++;
            }

            _sim[index] = new StoredMessage(sender, text, coding, firstOctet, true);
            if (_textMode)
            {
                Emit("\r\n+CMTI: \"SM\"," + index.ToString(CultureInfo.InvariantCulture) + "\r\n");
            }

            return index;
        }
    }

    public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
    {
        bytesRead = 0;
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(Math.Max(0, timeoutMilliseconds));
        lock (_gate)
        {
            while (_toHost.Count == 0)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return LinkStatus.Timeout;
                }

                Monitor.Wait(_gate, left);
            }

            while (bytesRead < count && _toHost.Count > 0)
            {
                buffer[offset + bytesRead++] = _toHost.Dequeue();
            }

            return LinkStatus.Ok;
        }
    }

    public LinkStatus Write(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                Take(buffer[offset + i]);
            }

            return LinkStatus.Ok;
        }
    }

    public LinkStatus Configure(LineSettings settings) => LinkStatus.Ok;

    private void Take(byte b)
    {
        if (_sendTo is not null)
        {
            if (b == 0x1A)
            {
                FinishSend(_command.ToString());
                _command.Clear();
                _sendTo = null;
            }
            else if (b == 0x1B)
            {
                _command.Clear();
                _sendTo = null;
                Emit("\r\nOK\r\n");
            }
            else
            {
                _command.Append((char)b);
            }

            return;
        }

        if (_echo && !Silent)
        {
            Emit(((char)b).ToString());
        }

        if (b == '\r')
        {
            string line = _command.ToString();
            _command.Clear();
            Commands.Add(line);
            if (!Silent)
            {
                Answer(line);
            }
        }
        else if (b != '\n')
        {
            _command.Append((char)b);
        }
    }

    private void Answer(string line)
    {
        if (line == "AT" || line == "AT+CNMI=2,1,0,0,0" || line == "AT+CSCS=\"IRA\"")
        {
            Ok();
        }
        else if (line == "ATE0")
        {
            _echo = false;
            Ok();
        }
        else if (line == "AT+CMGF=1")
        {
            _textMode = true;
            Ok();
        }
        else if (line == "AT+CSDH=1")
        {
            Emit(NoHeaderDetails ? "\r\nERROR\r\n" : "\r\nOK\r\n");
        }
        else if (line == "AT+CMGL=\"ALL\"")
        {
            var text = new StringBuilder();
            foreach (KeyValuePair<int, StoredMessage> entry in _sim)
            {
                text.Append("\r\n+CMGL: ").Append(entry.Key).Append(",\"REC UNREAD\",\"").Append(entry.Value.Sender)
                    .Append("\",,\"26/11/21,20:00:00+04\"\r\n").Append(entry.Value.Text);
            }

            Emit(text + "\r\n\r\nOK\r\n");
        }
        else if (line.StartsWith("AT+CMGR=", StringComparison.Ordinal))
        {
            ReadMessage(line.Substring(8));
        }
        else if (line.StartsWith("AT+CMGD=", StringComparison.Ordinal))
        {
            _sim.Remove(int.Parse(line.Substring(8), CultureInfo.InvariantCulture));
            Ok();
        }
        else if (line.StartsWith("AT+CMGS=\"", StringComparison.Ordinal) && line.EndsWith('"'))
        {
            _sendTo = line.Substring(9, line.Length - 10);
            Emit("\r\n> ");
        }
        else
        {
            Emit("\r\nERROR\r\n");
        }
    }

    private void ReadMessage(string indexText)
    {
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || !_sim.TryGetValue(index, out StoredMessage? message))
        {
            Emit("\r\n+CMS ERROR: 321\r\n");
            return;
        }

        string sender = message.Sender;
        string type = sender.StartsWith('+') ? "145" : sender.All(char.IsDigit) ? "129" : "208";
        string header = "+CMGR: \"" + (message.Unread ? "REC UNREAD" : "REC READ") + "\",\"" + sender + "\",,\"26/11/21,20:00:00+04\"";
        if (!NoHeaderDetails)
        {
            header += "," + type + "," + message.FirstOctet.ToString(CultureInfo.InvariantCulture) + ",0,"
                + message.Coding.ToString(CultureInfo.InvariantCulture) + ",\"+420603052000\",145," + message.Text.Length.ToString(CultureInfo.InvariantCulture);
        }

        _sim[index] = message with { Unread = false };
        Emit("\r\n" + header + "\r\n" + message.Text + "\r\n\r\nOK\r\n");
    }

    private void FinishSend(string text)
    {
        if (RefuseSending)
        {
            Emit("\r\n+CMS ERROR: 500\r\n");
            return;
        }

        _sent.Add(new SentMessage(_sendTo!, text));
        Emit("\r\n+CMGS: " + _sent.Count.ToString(CultureInfo.InvariantCulture) + "\r\n\r\nOK\r\n");
    }

    private void Ok() => Emit("\r\nOK\r\n");

    private void Emit(string text)
    {
        foreach (char c in text)
        {
            _toHost.Enqueue((byte)c);
        }

        Monitor.PulseAll(_gate);
    }
}
