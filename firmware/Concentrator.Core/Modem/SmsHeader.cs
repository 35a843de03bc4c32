namespace Concentrator.Core.Modem
{
    /// <summary>
    /// The header line of a text-mode SMS-DELIVER read with AT+CMGR (3GPP TS 27.005 3.4.3, with AT+CSDH=1):
    /// <c>+CMGR: &lt;stat&gt;,&lt;oa&gt;,[&lt;alpha&gt;],&lt;scts&gt;[,&lt;tooa&gt;,&lt;fo&gt;,&lt;pid&gt;,&lt;dcs&gt;,&lt;sca&gt;,&lt;tosca&gt;,&lt;length&gt;]</c>.
    /// </summary>
    public sealed class SmsHeader
    {
        /// <summary>Sender address as given (digits, optionally '+'), "" when absent.</summary>
        public string Sender = string.Empty;

        /// <summary>Type of the sender address (145 international, 129 national, 208 alphanumeric), -1 when not shown.</summary>
        public int SenderType = -1;

        /// <summary>First octet of the TPDU, -1 when not shown. Bit 6 (TP-UDHI) = a user data header: a concatenated part.</summary>
        public int FirstOctet = -1;

        /// <summary>Data coding scheme (TS 23.038 4), -1 when not shown.</summary>
        public int DataCoding = -1;

        /// <summary>Length of the text (27.005 &lt;length&gt;: characters in 7-bit, octets otherwise), -1 when not shown.</summary>
        public int TextLength = -1;

        /// <summary>True when the message carries a user data header (concatenated SMS and the like, TS 23.040 9.2.3.23).</summary>
        public bool HasUserDataHeader
        {
            get { return FirstOctet >= 0 && (FirstOctet & 0x40) != 0; }
        }

        /// <summary>
        /// True when the data coding is not the GSM 7-bit default alphabet (TS 23.038 4: general data coding groups
        /// 00xx/01xx with alphabet bits 01 = 8-bit or 10 = UCS-2, or compressed; group 1110 = UCS-2 message waiting; group 1111 bit 2 = 8-bit).
        /// </summary>
        public bool IsNot7Bit
        {
            get
            {
                if (DataCoding < 0)
                {
                    return false;
                }

                int group = DataCoding & 0xF0;
                if ((DataCoding & 0xC0) == 0x00 || (DataCoding & 0xC0) == 0x40)
                {
                    return (DataCoding & 0x0C) != 0x00 || (DataCoding & 0x20) != 0; // 8-bit, UCS-2 or compressed
                }

                if (group == 0xE0)
                {
                    return true;
                }

                if (group == 0xF0)
                {
                    return (DataCoding & 0x04) != 0;
                }

                return false;
            }
        }

        /// <summary>True when a reply can go to the sender: digits with an optional leading '+', not an alphanumeric name.</summary>
        public bool CanReply
        {
            get
            {
                if (SenderType == 208 || Sender.Length < 3 || Sender.Length > 20)
                {
                    return false;
                }

                for (int i = 0; i < Sender.Length; i++)
                {
                    char c = Sender[i];
                    if (!((c >= '0' && c <= '9') || (c == '+' && i == 0)))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Reads the header line; false when it is not a +CMGR line of a received message.</summary>
        public bool TryParse(string line)
        {
            Sender = string.Empty;
            SenderType = -1;
            FirstOctet = -1;
            DataCoding = -1;
            TextLength = -1;
            if (!AtResult.StartsWith(line, "+CMGR: "))
            {
                return false;
            }

            int position = 7;
            int field = 0;
            while (position <= line.Length)
            {
                int start = position;
                int end;
                if (position < line.Length && line[position] == '"')
                {
                    end = line.IndexOf('"', position + 1);
                    if (end < 0)
                    {
                        return false;
                    }

                    Take(field, line.Substring(position + 1, end - position - 1));
                    position = end + 1;
                }
                else
                {
                    end = line.IndexOf(',', position);
                    if (end < 0)
                    {
                        end = line.Length;
                    }

                    Take(field, line.Substring(start, end - start));
                    position = end;
                }

                if (position >= line.Length)
                {
                    break;
                }

                if (line[position] != ',')
                {
                    return false;
                }

                position++;
                field++;
            }

            return Sender.Length > 0 && field >= 3;
        }

        private void Take(int field, string value)
        {
            switch (field)
            {
                case 1:
                    Sender = value;
                    break;
                case 4:
                    SenderType = Number(value);
                    break;
                case 5:
                    FirstOctet = Number(value);
                    break;
                case 7:
                    DataCoding = Number(value);
                    break;
                case 10:
                    int length;
                    TextLength = Configuration.ConfigValues.TryParseNumber(value, 0, 1000, out length) ? length : -1;
                    break;
            }
        }

        private static int Number(string text)
        {
            int value;
            return Configuration.ConfigValues.TryParseNumber(text, 0, 255, out value) ? value : -1;
        }
    }
}
