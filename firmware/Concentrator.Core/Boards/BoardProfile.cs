using System;

namespace Concentrator.Core.Boards
{
    /// <summary>
    /// One concentrator board as data: its name, how it reaches the network, the GPIO of every function it has fitted
    /// (-1 = not fitted), the COM port of every <see cref="UartRole"/> (0 = none) and the pins the board itself uses.
    /// The firmware takes its pins from the chosen profile; <see cref="BoardProfileCheck"/> proves a profile fits the
    /// ESP32 and the drivers, and a desktop test proves it matches the board's netlist in <c>hardware/netlists</c>.
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>Number of <see cref="BoardFunction"/> values.</summary>
        public const int FunctionCount = 16;

        /// <summary>Number of <see cref="UartRole"/> values.</summary>
        public const int RoleCount = 5;

        private readonly int[] _pins = new int[FunctionCount];
        private readonly byte[] _comPorts = new byte[RoleCount];
        private readonly PinReservation[] _reserved = new PinReservation[Esp32Pins.MaxGpio + 1];

        public BoardProfile(string name, string board, BoardNetwork network, string nanoFrameworkTarget)
        {
            if (name == null || name.Length == 0)
            {
                throw new ArgumentException("a board profile needs a name");
            }

            Name = name;
            Board = board;
            Network = network;
            NanoFrameworkTarget = nanoFrameworkTarget;
            for (int i = 0; i < FunctionCount; i++)
            {
                _pins[i] = -1;
            }
        }

        /// <summary>The name the settings file selects the profile by (<c>board=...</c>).</summary>
        public string Name { get; private set; }

        /// <summary>The board as sold (maker, model, module).</summary>
        public string Board { get; private set; }

        public BoardNetwork Network { get; private set; }

        /// <summary>The nanoff target whose firmware image suits the board (<c>nanoff --target ...</c>).</summary>
        public string NanoFrameworkTarget { get; private set; }

        /// <summary>True when the LEDs are wired from 3.3 V to the pin (lit = pin low), as strapping pins need.</summary>
        public bool LedsActiveLow { get; set; }

        /// <summary>
        /// PSRAM on the module in MiB (0 = none). A PSRAM module drives it on GPIO 16 and 17, which the check then refuses
        /// for every function; the firmware image of <see cref="NanoFrameworkTarget"/> must be one built with PSRAM support,
        /// or nanoCLR never uses it (see <see cref="BoardMemory"/>).
        /// </summary>
        public int PsramMegabytes { get; set; }

        /// <summary>True when the module has PSRAM (<see cref="PsramMegabytes"/> above 0).</summary>
        public bool HasPsram
        {
            get { return PsramMegabytes > 0; }
        }

        /// <summary>
        /// The managed heap nanoCLR gives the firmware on this board with its image, in bytes: derived from nf-interpreter's
        /// heap set-up, not measured on a board (<see cref="BoardMemory.ManagedHeapBytes"/>).
        /// </summary>
        public int ManagedHeapBytes
        {
            get { return BoardMemory.ManagedHeapBytes(PsramMegabytes); }
        }

        /// <summary>The GPIO of a function, or -1 when the board does not have it.</summary>
        public int Pin(BoardFunction function)
        {
            return _pins[(int)function];
        }

        /// <summary>True when the function has a pin.</summary>
        public bool Has(BoardFunction function)
        {
            return _pins[(int)function] >= 0;
        }

        /// <summary>The n of COMn serving a role, or 0 when the board does not offer the role.</summary>
        public int ComPort(UartRole role)
        {
            return _comPorts[(int)role];
        }

        /// <summary>"COM2" etc. for a role, or null when the board does not offer it.</summary>
        public string ComPortName(UartRole role)
        {
            int number = _comPorts[(int)role];
            return number == 0 ? null : "COM" + number.ToString();
        }

        /// <summary>Why the board keeps a pin for itself, or <see cref="PinReservation.None"/>.</summary>
        public PinReservation Reservation(int pin)
        {
            return pin >= 0 && pin < _reserved.Length ? _reserved[pin] : PinReservation.None;
        }

        /// <summary>Sets the pin of a function (-1 removes it). For building profiles; returns this profile.</summary>
        public BoardProfile WithPin(BoardFunction function, int pin)
        {
            _pins[(int)function] = pin < 0 ? -1 : pin;
            return this;
        }

        /// <summary>Gives a role a COM port (0 removes it). For building profiles; returns this profile.</summary>
        public BoardProfile WithUart(UartRole role, int comPort)
        {
            _comPorts[(int)role] = (byte)(comPort < 0 ? 0 : comPort);
            return this;
        }

        /// <summary>Marks pins the board itself uses. For building profiles; returns this profile.</summary>
        public BoardProfile Reserve(PinReservation reason, params int[] pins)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i] < 0 || pins[i] >= _reserved.Length)
                {
                    throw new ArgumentOutOfRangeException("pins");
                }

                _reserved[pins[i]] = reason;
            }

            return this;
        }
    }
}
