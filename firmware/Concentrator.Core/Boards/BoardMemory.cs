namespace Concentrator.Core.Boards
{
    /// <summary>
    /// How much managed heap a board gives the firmware and how much a configuration needs, for the start-up log, the
    /// warning when a configuration cannot fit, and the installer guide's board table (<c>hardware/README.md</c>).
    /// <para>
    /// <b>The heap a board gives</b> is derived from nanoFramework's sources, not measured on a board:
    /// nf-interpreter <c>targets/ESP32/_nanoCLR/Memory.cpp</c> (<c>HeapLocation</c>) allocates the managed heap from
    /// PSRAM when <c>heap_caps_get_largest_free_block(MALLOC_CAP_SPIRAM)</c> finds any, sized as that block minus
    /// <c>ESP32_SPIRAM_FOR_IDF_ALLOCATION</c> (an earlier Memory.cpp reserved 256 KiB; presets in
    /// <c>targets/ESP32/CMakePresets.json</c> set up to <c>1024 * 1024</c>); without PSRAM it takes internal RAM, about
    /// 90 KiB (nf-interpreter pull request 1986, see <c>firmware/Concentrator.App/README.md</c>, "Heap budget"; the current
    /// Memory.cpp takes the free internal RAM minus 100 KiB left to ESP-IDF, capped at the largest free block, so the
    /// exact figure depends on the image and is logged by the board, not known here). The
    /// classic ESP32 maps at most 4 MiB of PSRAM into its address space; more is reachable only through the himem
    /// bank-switching API, which nanoCLR's heap does not use (ESP-IDF "The himem allocation API",
    /// docs.espressif.com/projects/esp-idf/en/v4.4.2/esp32/api-reference/system/himem.html). So a WROVER with 8 MiB
    /// gives the same heap as one with 4 MiB: about 4 MiB minus at most 1 MiB, taken here as 3 MiB.
    /// </para>
    /// <para>
    /// <b>The heap a configuration needs</b> comes from the desktop heap model (<c>HeapBudgetTests</c>, the tables in
    /// the App README's "Heap budget"): modelled, not measured; the by-hand parts are good to about ±30 %. The figures
    /// below are the model's on this source (P1 alone, P1 + 1, 10 and 31 bus meters, + optical, + SML);
    /// <c>BoardMemoryModelTests</c> fails when the model grows past them, and a heap cut leaves them on the safe side.
    /// </para>
    /// </summary>
    public static class BoardMemory
    {
        /// <summary>Managed heap of an ESP32 without PSRAM (internal RAM), bytes: about 90 KiB.</summary>
        public const int InternalManagedHeapBytes = 90 * 1024;

        /// <summary>The most PSRAM the classic ESP32 maps into its address space, MiB.</summary>
        public const int PsramMappedLimitMegabytes = 4;

        /// <summary>PSRAM left to ESP-IDF's own allocations (the largest <c>ESP32_SPIRAM_FOR_IDF_ALLOCATION</c> in the presets).</summary>
        public const int PsramIdfReserveBytes = 1024 * 1024;

        /// <summary>
        /// What the managed heap holds beside the app's own objects: nanoCLR's assemblies and thread stacks, M2Mqtt and its
        /// receive thread, the network's objects and a publish in flight. About 30 KiB, estimated (App README).
        /// </summary>
        public const int RuntimeReserveBytes = 30 * 1024;

        /// <summary>
        /// Modelled: configuration, command executor, forward queue, MQTT link with the queued records' renderer, reading
        /// publisher, Home Assistant discovery, DIAG/CAPT, Core statics (P1 alone 58.8 KiB minus the P1 port).
        /// </summary>
        public const int ModelBaseBytes = 44292;

        /// <summary>Modelled: the P1 port with its DSMR decoder and reading set.</summary>
        public const int ModelP1Bytes = 15888;

        /// <summary>Modelled: the optical port (IEC 62056-21).</summary>
        public const int ModelOpticalBytes = 23304;

        /// <summary>Modelled: the SML head.</summary>
        public const int ModelSmlBytes = 13368;

        /// <summary>Modelled: what the RS485 bus's meters share (P1 + 10 meters 109.7 KiB, minus P1 alone, minus 10 meters).</summary>
        public const int ModelBusSharedBytes = 28624;

        /// <summary>Modelled: each DLMS meter on the bus (2.3 KiB: schedule, bus member, strings, publisher, DIAG health; 10 to 31 meters).</summary>
        public const int ModelBusMeterBytes = 2348;

        /// <summary>Free heap below which a PSRAM board is taken to run an image without PSRAM support.</summary>
        public const int PsramImageThresholdBytes = 512 * 1024;

        /// <summary>The managed heap nanoCLR makes with this much PSRAM on the module (0 = none), bytes.</summary>
        public static int ManagedHeapBytes(int psramMegabytes)
        {
            if (psramMegabytes <= 0)
            {
                return InternalManagedHeapBytes;
            }

            int mapped = psramMegabytes < PsramMappedLimitMegabytes ? psramMegabytes : PsramMappedLimitMegabytes;
            return (mapped * 1024 * 1024) - PsramIdfReserveBytes;
        }

        /// <summary>What is left of a board's managed heap for the app's own objects, bytes.</summary>
        public static int AppBudgetBytes(BoardProfile profile)
        {
            return profile.ManagedHeapBytes - RuntimeReserveBytes;
        }

        /// <summary>The modelled heap of the app's own objects for the ports it runs (busMeters 0 = no bus), bytes.</summary>
        public static int ModelledAppBytes(bool p1, bool optical, bool sml, int busMeters)
        {
            int bytes = ModelBaseBytes;
            if (p1)
            {
                bytes += ModelP1Bytes;
            }

            if (optical)
            {
                bytes += ModelOpticalBytes;
            }

            if (sml)
            {
                bytes += ModelSmlBytes;
            }

            if (busMeters > 0)
            {
                bytes += ModelBusSharedBytes + (busMeters * ModelBusMeterBytes);
            }

            return bytes;
        }

        /// <summary>The largest number of bus meters the board's app budget holds beside the other ports (-1 = not even none).</summary>
        public static int MaxBusMeters(BoardProfile profile, bool p1, bool optical, bool sml)
        {
            int left = AppBudgetBytes(profile) - ModelledAppBytes(p1, optical, sml, 0) - ModelBusSharedBytes;
            return left < 0 ? -1 : left / ModelBusMeterBytes;
        }

        /// <summary>One line for the start-up log: PSRAM and the heap the board gives.</summary>
        public static string Describe(BoardProfile profile)
        {
            string psram = profile.HasPsram
                ? "PSRAM " + profile.PsramMegabytes.ToString() + " MiB (" + (profile.PsramMegabytes < PsramMappedLimitMegabytes ? profile.PsramMegabytes : PsramMappedLimitMegabytes).ToString() + " MiB mapped)"
                : "no PSRAM";
            return psram + ", managed heap about " + (profile.ManagedHeapBytes / 1024).ToString() + " KiB, about "
                + (AppBudgetBytes(profile) / 1024).ToString() + " KiB of it for the app (derived from nanoFramework's sources, not measured); image "
                + profile.NanoFrameworkTarget;
        }

        /// <summary>
        /// Null when the modelled need of the ports fits the board's app budget; otherwise the warning, with the figures and
        /// what to do (a PSRAM board, or fewer meters).
        /// </summary>
        public static string Advice(BoardProfile profile, bool p1, bool optical, bool sml, int busMeters)
        {
            int need = ModelledAppBytes(p1, optical, sml, busMeters);
            int budget = AppBudgetBytes(profile);
            if (need <= budget)
            {
                return null;
            }

            string text = "the modelled heap of this configuration, " + (need / 1024).ToString() + " KiB, exceeds the about "
                + (budget / 1024).ToString() + " KiB board " + profile.Name + " leaves the app";
            if (!profile.HasPsram)
            {
                int most = MaxBusMeters(profile, p1, optical, sml);
                text += " (no PSRAM); use a board with PSRAM (" + PsramBoardNames() + ")"
                    + (busMeters > 0 ? (most > 0 ? " or at most " + most.ToString() + " bus meters" : " or no bus meters") : string.Empty);
            }

            return text + "; the figures come from a desktop model, not a measurement";
        }

        /// <summary>
        /// Null when the free heap fits the board; otherwise the warning that a PSRAM board runs an image without PSRAM
        /// support (its heap stays at internal RAM's ~90 KiB).
        /// </summary>
        public static string ImageProblem(BoardProfile profile, long freeHeapBytes)
        {
            if (!profile.HasPsram || freeHeapBytes >= PsramImageThresholdBytes)
            {
                return null;
            }

            return "board " + profile.Name + " has " + profile.PsramMegabytes.ToString() + " MiB PSRAM but the free managed heap is "
                + (freeHeapBytes / 1024).ToString() + " KiB: the firmware image does not use the PSRAM; flash it with nanoff --target "
                + profile.NanoFrameworkTarget;
        }

        /// <summary>The names of the known profiles with PSRAM, comma separated.</summary>
        public static string PsramBoardNames()
        {
            BoardProfile[] all = BoardProfiles.All();
            string names = string.Empty;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].HasPsram)
                {
                    names += (names.Length == 0 ? string.Empty : ", ") + all[i].Name;
                }
            }

            return names;
        }
    }
}
