using Concentrator.Core.Checksums;

namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// Loads and saves the configuration so that no power loss can lose it. A save writes a complete new copy
    /// (<c>NAME.new</c>) whose first line carries the length and CRC of the rest, then keeps the current copy as
    /// <c>NAME.prev</c> and renames the new copy to <c>NAME</c>. A load takes the first copy whose checksum holds, in
    /// the order: an unfinished save's new copy, the current copy, the previous copy; a file without the checksum line
    /// is a settings file written by hand and is taken as it is. Bad lines are reported and skipped, never fatal.
    /// </summary>
    public sealed class ConfigurationStore
    {
        /// <summary>Largest copy read or written (32 meters of ~150 bytes and the rest fit in a quarter of it).</summary>
        public const int MaxBytes = 16384;

        /// <summary>First bytes of every copy written by the store.</summary>
        public const string Magic = "#concentrator-config v1 ";

        // Magic + "length=NNNNNN crc=XXXX\n"
        private const int HeaderLength = 24 + 7 + 6 + 5 + 4 + 1;

        private readonly IConfigurationStorage _storage;
        private readonly string _name;
        private readonly string _newName;
        private readonly string _previousName;

        public ConfigurationStore(IConfigurationStorage storage, string name)
        {
            if (storage == null)
            {
                throw new System.ArgumentNullException("storage");
            }

            if (name == null || name.Length == 0)
            {
                throw new System.ArgumentException("name");
            }

            _storage = storage;
            _name = name;
            _newName = name + ".new";
            _previousName = name + ".prev";
        }

        /// <summary>Why the last <see cref="Save"/> failed, or null.</summary>
        public string LastSaveProblem { get; private set; }

        public ConfigurationLoad Load()
        {
            ConfigurationLoad load = new ConfigurationLoad(new ConcentratorConfiguration());
            if (TryLoad(_newName, false, load))
            {
                load.Source = ConfigurationSource.Unfinished;
            }
            else if (TryLoad(_name, true, load))
            {
                if (load.Source != ConfigurationSource.HandWritten)
                {
                    load.Source = ConfigurationSource.Current;
                }
            }
            else if (TryLoad(_previousName, false, load))
            {
                load.Source = ConfigurationSource.Previous;
            }
            else
            {
                load.Use(new ConcentratorConfiguration());
                load.Add(_name + ": no usable copy, using defaults");
                load.Source = ConfigurationSource.Defaults;
            }

            load.ValidationProblem = load.Configuration.Validate();
            return load;
        }

        /// <summary>
        /// Saves a complete copy; true when it is in place. On false (a failure the storage reported) the next load
        /// gives the configuration as before. A power loss during the save gives the old or the new one, never less.
        /// </summary>
        public bool Save(ConcentratorConfiguration configuration)
        {
            LastSaveProblem = null;
            string body = configuration.ToText();
            int length = HeaderLength + body.Length;
            if (length > MaxBytes)
            {
                LastSaveProblem = "configuration is " + length.ToString() + " bytes, more than " + MaxBytes.ToString();
                return false;
            }

            byte[] data = new byte[length];
            for (int i = 0; i < body.Length; i++)
            {
                // Values are printable ASCII (ConfigValues.IsText): one byte per character.
                data[HeaderLength + i] = (byte)body[i];
            }

            WriteHeader(data, body.Length, Crc16.X25(data, HeaderLength, body.Length));
            if (!_storage.Write(_newName, data, length))
            {
                LastSaveProblem = "writing " + _newName + " failed";
                return false;
            }

            byte[] check = _storage.Read(_newName);
            if (check == null || check.Length != length || !HasValidHeader(check))
            {
                LastSaveProblem = "reading back " + _newName + " did not give what was written";
                _storage.Delete(_newName);
                return false;
            }

            if (_storage.Read(_name) != null)
            {
                _storage.Delete(_previousName);
                if (!_storage.Move(_name, _previousName))
                {
                    LastSaveProblem = "keeping " + _name + " as " + _previousName + " failed";
                    _storage.Delete(_newName);
                    return false;
                }
            }

            if (!_storage.Move(_newName, _name))
            {
                // Reported as not saved, so it must not come back at the next load: drop the new copy and put the
                // old one back (if that fails too, the next load still finds it as the previous copy).
                LastSaveProblem = "renaming " + _newName + " to " + _name + " failed";
                _storage.Delete(_newName);
                _storage.Move(_previousName, _name);
                return false;
            }

            return true;
        }

        /// <summary>True when the bytes start with a checksum line that matches the rest exactly.</summary>
        public static bool HasValidHeader(byte[] data)
        {
            int bodyLength;
            ushort crc;
            return ParseHeader(data, out bodyLength, out crc) && data.Length == HeaderLength + bodyLength
                && Crc16.X25(data, HeaderLength, bodyLength) == crc;
        }

        private bool TryLoad(string name, bool allowHandWritten, ConfigurationLoad load)
        {
            byte[] data = _storage.Read(name);
            if (data == null)
            {
                return false;
            }

            if (data.Length > MaxBytes)
            {
                load.Add(name + ": " + data.Length.ToString() + " bytes, more than " + MaxBytes.ToString() + ": ignored");
                return false;
            }

            int start = HeaderLength;
            if (!StartsWithMagic(data))
            {
                if (!allowHandWritten)
                {
                    load.Add(name + ": no checksum line: ignored");
                    return false;
                }

                start = 0;
                load.Source = ConfigurationSource.HandWritten;
            }
            else if (!HasValidHeader(data))
            {
                load.Add(name + ": damaged (length or checksum wrong): ignored");
                return false;
            }

            load.Use(new ConcentratorConfiguration());
            Parse(name, data, start, data.Length - start, load);
            return true;
        }

        private static void Parse(string name, byte[] data, int offset, int length, ConfigurationLoad load)
        {
            KeyValueReader reader = new KeyValueReader(data, offset, length);
            ConcentratorConfiguration configuration = load.Configuration;
            string key;
            string value;
            KeyValueStatus status;
            while ((status = reader.ReadNext(out key, out value)) != KeyValueStatus.End)
            {
                string where = name + " line " + reader.LineNumber.ToString() + ": ";
                if (status == KeyValueStatus.Malformed)
                {
                    load.Add(where + "not key=value, skipped");
                    continue;
                }

                string expected;
                SettingResult result = configuration.Apply(key, value, out expected);
                if (result == SettingResult.UnknownName)
                {
                    load.Add(where + "unknown key " + key + ", skipped");
                }
                else if (result == SettingResult.BadValue)
                {
                    string shown = ConcentratorConfiguration.IsSecretKey(key) ? "a value not shown (secret)" : "'" + value + "'";
                    load.Add(where + key + ": expected " + expected + ", got " + shown + "; kept " + key + " as it was");
                }
            }
        }

        private static bool StartsWithMagic(byte[] data)
        {
            if (data.Length < Magic.Length)
            {
                return false;
            }

            for (int i = 0; i < Magic.Length; i++)
            {
                if (data[i] != (byte)Magic[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ParseHeader(byte[] data, out int bodyLength, out ushort crc)
        {
            bodyLength = 0;
            crc = 0;
            if (data.Length < HeaderLength || !StartsWithMagic(data) || !Matches(data, 24, "length=")
                || !Matches(data, 37, " crc=") || data[HeaderLength - 1] != (byte)'\n')
            {
                return false;
            }

            for (int i = 31; i < 37; i++)
            {
                byte b = data[i];
                if (b < (byte)'0' || b > (byte)'9')
                {
                    return false;
                }

                bodyLength = (bodyLength * 10) + (b - '0');
            }

            int value = 0;
            for (int i = 42; i < 46; i++)
            {
                int digit = HexDigit(data[i]);
                if (digit < 0)
                {
                    return false;
                }

                value = (value << 4) | digit;
            }

            crc = (ushort)value;
            return true;
        }

        private static void WriteHeader(byte[] data, int bodyLength, ushort crc)
        {
            Put(data, 0, Magic);
            Put(data, 24, "length=");
            int length = bodyLength;
            for (int i = 36; i >= 31; i--)
            {
                data[i] = (byte)('0' + (length % 10));
                length /= 10;
            }

            Put(data, 37, " crc=");
            const string hex = "0123456789ABCDEF";
            data[42] = (byte)hex[(crc >> 12) & 0xF];
            data[43] = (byte)hex[(crc >> 8) & 0xF];
            data[44] = (byte)hex[(crc >> 4) & 0xF];
            data[45] = (byte)hex[crc & 0xF];
            data[46] = (byte)'\n';
        }

        private static void Put(byte[] data, int offset, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                data[offset + i] = (byte)text[i];
            }
        }

        private static bool Matches(byte[] data, int offset, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (data[offset + i] != (byte)text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int HexDigit(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - '0';
            }

            if (b >= (byte)'A' && b <= (byte)'F')
            {
                return b - 'A' + 10;
            }

            return -1;
        }
    }
}
