namespace Concentrator.Core.Io
{
    /// <summary>How a serial line is framed: baud, data bits, parity, stop bits, and whether the levels are inverted.</summary>
    public struct LineSettings
    {
        public int BaudRate;
        public byte DataBits;
        public LineParity Parity;
        public byte StopBits;

        /// <summary>Idle-low signalling (DSMR P1's open-collector output is inverted).</summary>
        public bool InvertedLevels;

        public LineSettings(int baudRate, byte dataBits, LineParity parity, byte stopBits, bool invertedLevels)
        {
            BaudRate = baudRate;
            DataBits = dataBits;
            Parity = parity;
            StopBits = stopBits;
            InvertedLevels = invertedLevels;
        }

        /// <summary>Bits on the wire per character: start + data + parity + stop.</summary>
        public int BitsPerCharacter
        {
            get { return 1 + DataBits + (Parity == LineParity.None ? 0 : 1) + StopBits; }
        }

        /// <summary>Time the line needs for <paramref name="bytes"/> characters, in microseconds.</summary>
        public long WireMicroseconds(int bytes)
        {
            return BaudRate <= 0 ? 0 : (long)bytes * BitsPerCharacter * 1000000L / BaudRate;
        }

        public bool Equals(LineSettings other)
        {
            return BaudRate == other.BaudRate && DataBits == other.DataBits && Parity == other.Parity && StopBits == other.StopBits && InvertedLevels == other.InvertedLevels;
        }

        /// <summary>"115200 8N1 inverted".</summary>
        public override string ToString()
        {
            string parity = Parity == LineParity.None ? "N" : Parity == LineParity.Even ? "E" : "O";
            return BaudRate.ToString() + " " + DataBits.ToString() + parity + StopBits.ToString() + (InvertedLevels ? " inverted" : "");
        }
    }
}
