using System;
using System.IO;
using Concentrator.Core.Configuration;

namespace Concentrator.App.Settings
{
    /// <summary>
    /// Configuration copies as files on the board's internal flash (littlefs, mounted as I:). littlefs renames
    /// atomically; the store never asks to rename onto an existing file, so <see cref="Move"/> is a plain File.Move.
    /// </summary>
    public sealed class FlashConfigurationStorage : IConfigurationStorage
    {
        private readonly string _directory;

        /// <param name="directory">"I:\\" on the ESP32's internal flash.</param>
        public FlashConfigurationStorage(string directory)
        {
            _directory = directory;
        }

        public byte[] Read(string name)
        {
            try
            {
                string path = _directory + name;
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
            catch (Exception ex)
            {
                Log.Warn("configuration: reading " + name + " failed: " + ex.Message);
                return null;
            }
        }

        public bool Write(string name, byte[] data, int count)
        {
            try
            {
                using (FileStream stream = new FileStream(_directory + name, FileMode.Create))
                {
                    stream.Write(data, 0, count);
                    stream.Flush();
                }

                return true;
            }
            catch (Exception ex)
            {
                Log.Warn("configuration: writing " + name + " failed: " + ex.Message);
                return false;
            }
        }

        public bool Move(string from, string to)
        {
            try
            {
                string target = _directory + to;
                if (File.Exists(target))
                {
                    File.Delete(target);
                }

                File.Move(_directory + from, target);
                return true;
            }
            catch (Exception ex)
            {
                Log.Warn("configuration: renaming " + from + " failed: " + ex.Message);
                return false;
            }
        }

        public void Delete(string name)
        {
            try
            {
                string path = _directory + name;
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception ex)
            {
                Log.Warn("configuration: deleting " + name + " failed: " + ex.Message);
            }
        }
    }
}
