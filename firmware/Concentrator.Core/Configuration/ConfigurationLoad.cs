namespace Concentrator.Core.Configuration
{
    /// <summary>What <see cref="ConfigurationStore.Load"/> found: the configuration, its source, and every problem met.</summary>
    public sealed class ConfigurationLoad
    {
        public const int MaxProblems = 8;

        private readonly string[] _problems = new string[MaxProblems];

        public ConfigurationLoad(ConcentratorConfiguration configuration)
        {
            Configuration = configuration;
        }

        public ConcentratorConfiguration Configuration { get; private set; }

        public ConfigurationSource Source { get; internal set; }

        /// <summary>Problems kept (the first <see cref="MaxProblems"/>); <see cref="ProblemsDropped"/> counts the rest.</summary>
        public int ProblemCount { get; private set; }

        public int ProblemsDropped { get; private set; }

        /// <summary>Null when the configuration can run the concentrator, else why not (<see cref="ConcentratorConfiguration.Validate"/>).</summary>
        public string ValidationProblem { get; internal set; }

        public string Problem(int index)
        {
            return _problems[index];
        }

        internal void Add(string problem)
        {
            if (ProblemCount == MaxProblems)
            {
                ProblemsDropped++;
                return;
            }

            _problems[ProblemCount] = problem;
            ProblemCount++;
        }

        /// <summary>Starts over with a fresh configuration; problems found so far (copies skipped) stay.</summary>
        internal void Use(ConcentratorConfiguration configuration)
        {
            Configuration = configuration;
        }
    }
}
