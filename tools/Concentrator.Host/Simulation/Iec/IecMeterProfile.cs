namespace Concentrator.Host.Simulation.Iec;

/// <summary>
/// How a simulated IEC 62056-21 meter behaves: identification, protocol mode and fastest baud, reaction time,
/// address, password-protected registers, battery wake-up, the optical head's echo, and faults.
/// </summary>
public sealed class IecMeterProfile
{
    /// <summary>Manufacturer letters (a lowercase third letter announces the 20 ms reaction time).</summary>
    public string Manufacturer { get; set; } = "LGZ";

    /// <summary>The identification text after the baud character (escapes such as "\2" included).</summary>
    public string Identification { get; set; } = "\\2ZMD3104407.B32";

    /// <summary>A, B, C, D or E (E: mode C plus "\2" in the identification).</summary>
    public char Mode { get; set; } = 'E';

    /// <summary>The fastest baud the meter offers (mode B/C/E); 300 for mode A.</summary>
    public int MaximumBaud { get; set; } = 9600;

    /// <summary>The meter's reaction time before each answer (IEC 62056-21: 200 … 1500 ms).</summary>
    public int ReactionMilliseconds { get; set; } = 220;

    /// <summary>Silence after which the meter drops back to waiting for a sign-on.</summary>
    public int InactivityMilliseconds { get; set; } = 1500;

    /// <summary>The device address a "/?address!" must name ("" requests always match).</summary>
    public string Address { get; set; } = "11620371";

    /// <summary>P1 password that unlocks <see cref="ProtectedRegisters"/> in programming mode.</summary>
    public string Password { get; set; } = "00000000";

    /// <summary>Short addresses ("1.8.0") answered only after the right password.</summary>
    public string[] ProtectedRegisters { get; set; } = ["0.2.1", "C.90.1"];

    /// <summary>A battery meter: its optical port answers only after a NUL train (at least 20 NULs within 5 s).</summary>
    public bool BatteryPowered { get; set; }

    /// <summary>The optical head hears its own transmission.</summary>
    public bool HeadEchoes { get; set; }

    /// <summary>Mode D: pushes identification and readout every this many milliseconds at 2400 7E1.</summary>
    public int PushIntervalMilliseconds { get; set; } = 10000;

    /// <summary>Pads the readout with previous billing-period values up to about this many bytes (0: the plain object set).</summary>
    public int ReadoutTargetBytes { get; set; }

    /// <summary>Fault of each session in turn (repeating); empty for none.</summary>
    public IecMeterFault[] Faults { get; set; } = [];

    public int Seed { get; set; } = 1;

    /// <summary>The identification line without '/' and CR LF: "LGZ5\2ZMD3104407.B32".</summary>
    public string IdentificationLine()
    {
        char baud = Mode switch
        {
            'A' => ':',
            'B' => (char)('A' + Log2(MaximumBaud / 600)),
            'D' => (char)('0' + Log2(2400 / 300)),
            _ => (char)('0' + Log2(MaximumBaud / 300)),
        };
        string text = Mode == 'E' && !Identification.Contains("\\2", StringComparison.Ordinal) ? "\\2" + Identification : Identification;
        return Manufacturer + baud + text;
    }

    public void Validate()
    {
        if (Manufacturer.Length != 3)
        {
            throw new ArgumentException("manufacturer must be three letters", nameof(Manufacturer));
        }

        if ("ABCDE".IndexOf(Mode) < 0)
        {
            throw new ArgumentException("mode must be A, B, C, D or E", nameof(Mode));
        }

        int lowest = Mode == 'B' ? 600 : 300;
        int steps = MaximumBaud / 300;
        if (MaximumBaud < lowest || MaximumBaud > 19200 || MaximumBaud % 300 != 0 || (steps & (steps - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumBaud), MaximumBaud, "baud must be 300 × 2^n up to 19200");
        }

        if (ReactionMilliseconds < 20 || ReactionMilliseconds > 1500)
        {
            throw new ArgumentOutOfRangeException(nameof(ReactionMilliseconds), ReactionMilliseconds, "reaction time must be 20 .. 1500 ms");
        }
    }

    private static int Log2(int value)
    {
        int n = 0;
        while (value > 1)
        {
            value >>= 1;
            n++;
        }

        return n;
    }
}
