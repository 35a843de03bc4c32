using Concentrator.Core.Iec62056;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Iec62056
{
    /// <summary>
    /// IEC 62056-21 messages for tests. The readout is laid out as a Landis+Gyr ZMD/E350 optical readout (object set of
    /// the E350 list in the MeterCom seed, values invented); the BCC is computed here with a plain XOR loop
    /// (IEC 62056-21 6.3.6), independently of the code under test.
    /// </summary>
    public static class IecFrames
    {
        public const string LandisGyrIdentification = "LGZ5\\2ZMD3104407.B32";

        public const string LandisGyrData =
            "F.F(00000000)\r\n" +
            "0.0.0(11620371)\r\n" +
            "C.1.0(50100800)\r\n" +
            "0.9.1(143512)\r\n" +
            "0.9.2(1241121)\r\n" +
            "1.8.0(0012345.678*kWh)\r\n" +
            "1.8.1(0008345.123*kWh)\r\n" +
            "1.8.2(0004000.555*kWh)\r\n" +
            "2.8.0(0000012.000*kWh)\r\n" +
            "1-0:3.8.0(0000345.1*kvarh)\r\n" +
            "1.6.1(0002.584*kW)(24-11-02 09:15)\r\n" +
            "1.6.1*10(0003.001*kW)(2410150845)\r\n" +
            "32.7.0(231.4*V)52.7.0(230.9*V)72.7.0(232.0*V)\r\n" +
            "31.7.0(001.23*A)\r\n" +
            "14.7.0(49.98*Hz)\r\n" +
            "C.7.0(0007)\r\n" +
            "0.2.0(B32)\r\n" +
            "C.90.1()\r\n" +
            "P.98(ERROR)\r\n" +
            "!\r\n";

        /// <summary>Readings the data above yields (three voltages on one line; the max demand's time rides with its value).</summary>
        public const int LandisGyrReadings = 21;

        /// <summary>STX data ETX BCC.</summary>
        public static byte[] DataMessage(string data)
        {
            byte[] body = Ascii.Bytes(data);
            byte[] message = new byte[body.Length + 3];
            message[0] = 0x02;
            System.Array.Copy(body, 0, message, 1, body.Length);
            message[body.Length + 1] = 0x03;
            message[body.Length + 2] = Xor(message, 1, body.Length + 1);
            return message;
        }

        /// <summary>"/ident\r\n" then STX data ETX BCC: a whole readout as the meter sends it.</summary>
        public static byte[] Readout(string identification, string data)
        {
            return Ascii.Concat(Ascii.Bytes("/" + identification + "\r\n"), DataMessage(data));
        }

        /// <summary>SOH command STX data ETX BCC (data may be null: SOH command ETX BCC).</summary>
        public static byte[] Command(string command, string data)
        {
            string body = command + (data == null ? "" : "\u0002" + data);
            byte[] text = Ascii.Bytes(body);
            byte[] message = new byte[text.Length + 3];
            message[0] = 0x01;
            System.Array.Copy(text, 0, message, 1, text.Length);
            message[text.Length + 1] = 0x03;
            message[text.Length + 2] = Xor(message, 1, text.Length + 1);
            return message;
        }

        public static byte Xor(byte[] data, int offset, int count)
        {
            int x = 0;
            for (int i = offset; i < offset + count; i++)
            {
                x ^= data[i];
            }

            return (byte)x;
        }

        /// <summary>Feeds in pieces of <paramref name="piece"/> bytes until the decoder reports something.</summary>
        public static IecStatus Next(IecMessageDecoder decoder, byte[] data, ref int position, int piece)
        {
            while (position < data.Length)
            {
                int count = data.Length - position < piece ? data.Length - position : piece;
                int consumed;
                IecStatus status = decoder.Feed(data, position, count, out consumed);
                position += consumed;
                if (status != IecStatus.NeedMoreData)
                {
                    return status;
                }
            }

            return IecStatus.NeedMoreData;
        }

        public static IecMessageDecoder NewDecoder()
        {
            return new IecMessageDecoder(new IecDecoderOptions());
        }
    }
}
