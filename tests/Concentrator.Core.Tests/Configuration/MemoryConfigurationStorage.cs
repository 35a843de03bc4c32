using Concentrator.Core.Configuration;

namespace Concentrator.Core.Tests.Configuration
{
    /// <summary>
    /// Configuration storage in memory that can lose power: after <see cref="PowerFailsAfterBytes"/> bytes of writing,
    /// or after <see cref="PowerFailsAfterOperations"/> changing operations, the data written so far stays and every
    /// later operation fails, as on a board whose supply dropped. <see cref="Revive"/> is the next boot.
    /// </summary>
    public sealed class MemoryConfigurationStorage : IConfigurationStorage
    {
        private const int Slots = 8;
        private readonly string[] _names = new string[Slots];
        private readonly byte[][] _contents = new byte[Slots][];

        /// <summary>-1: never. Otherwise the number of bytes a write may still store before the power fails.</summary>
        public int PowerFailsAfterBytes = -1;

        /// <summary>-1: never. Otherwise how many writes, moves and deletes may still complete.</summary>
        public int PowerFailsAfterOperations = -1;

        /// <summary>Moves onto this name fail (reported, the storage stays alive).</summary>
        public string FailMovesTo;

        public bool Dead { get; private set; }

        public int Writes { get; private set; }

        public void Revive()
        {
            Dead = false;
            PowerFailsAfterBytes = -1;
            PowerFailsAfterOperations = -1;
        }

        public MemoryConfigurationStorage Copy()
        {
            MemoryConfigurationStorage copy = new MemoryConfigurationStorage();
            for (int i = 0; i < Slots; i++)
            {
                copy._names[i] = _names[i];
                copy._contents[i] = _contents[i];
            }

            return copy;
        }

        public bool Exists(string name)
        {
            return Find(name) >= 0;
        }

        /// <summary>Puts bytes in place directly (a file copied to the board by hand, or flash damage).</summary>
        public void Put(string name, byte[] data)
        {
            int slot = Find(name);
            if (slot < 0)
            {
                slot = Free();
                _names[slot] = name;
            }

            _contents[slot] = data;
        }

        public byte[] Read(string name)
        {
            if (Dead)
            {
                return null;
            }

            int slot = Find(name);
            if (slot < 0)
            {
                return null;
            }

            byte[] copy = new byte[_contents[slot].Length];
            System.Array.Copy(_contents[slot], copy, copy.Length);
            return copy;
        }

        public bool Write(string name, byte[] data, int count)
        {
            if (!Operation())
            {
                return false;
            }

            Writes++;
            int stored = count;
            bool fails = false;
            if (PowerFailsAfterBytes >= 0 && PowerFailsAfterBytes < count)
            {
                stored = PowerFailsAfterBytes;
                fails = true;
            }

            byte[] content = new byte[stored];
            System.Array.Copy(data, content, stored);
            Put(name, content);
            if (fails)
            {
                Dead = true;
                return false;
            }

            return true;
        }

        public bool Move(string from, string to)
        {
            int source = Find(from);
            if (source < 0 || to == FailMovesTo || !Operation())
            {
                return false;
            }

            int target = Find(to);
            if (target >= 0)
            {
                _names[target] = null;
                _contents[target] = null;
            }

            _names[source] = to;
            return true;
        }

        public void Delete(string name)
        {
            int slot = Find(name);
            if (slot < 0 || !Operation())
            {
                return;
            }

            _names[slot] = null;
            _contents[slot] = null;
        }

        private bool Operation()
        {
            if (Dead)
            {
                return false;
            }

            if (PowerFailsAfterOperations == 0)
            {
                Dead = true;
                return false;
            }

            if (PowerFailsAfterOperations > 0)
            {
                PowerFailsAfterOperations--;
            }

            return true;
        }

        private int Find(string name)
        {
            for (int i = 0; i < Slots; i++)
            {
                if (_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private int Free()
        {
            for (int i = 0; i < Slots; i++)
            {
                if (_names[i] == null)
                {
                    return i;
                }
            }

            throw new System.InvalidOperationException("test storage full");
        }
    }
}
