# Build, test and run Ticketing as a Service locally. `make test` is the command CI runs.
# Variables such as PORT, DYNAMODB_PORT and SANDBOX_API_KEY reach the sandbox from the environment or the
# command line: `make sandbox PORT=8080`.

# The Maven wrapper pins the Maven version (.mvn/wrapper); it downloads that Maven once, into ~/.m2/wrapper.
MVN ?= ./mvnw
PYTHON ?= python3
VENV = .venv
VENV_STAMP = $(VENV)/.requirements-installed
SANDBOX_CLASSPATH = sandbox/target/sandbox.classpath

.PHONY: venv rie build test sandbox lint fuzz fuzz-ci sam-build bench-cold-start clean distclean

venv: $(VENV_STAMP)

# The stamp is written only after a successful install and is newer than requirements-dev.txt, so the tools
# are installed again only when their pinned versions change.
$(VENV_STAMP): requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV_STAMP)

# Lambda's Runtime Interface Emulator, built from its Go module into .tools/bin, once. The Lambda runtime harness
# (module local, dev.ticketing.local.lambda) runs each function under it with Lambda's own Java runtime client.
RIE_MODULE = github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie
RIE_VERSION = v0.0.0-20261030222936-bef5c4ba774d
RIE = .tools/bin/aws-lambda-rie

rie: $(RIE)

$(RIE):
	@command -v go >/dev/null 2>&1 || { echo "Go is needed to build Lambda's Runtime Interface Emulator (README, prerequisites)" >&2; exit 1; }
	mkdir -p $(dir $@)
	GOBIN="$$(pwd)/$(dir $@)" GOFLAGS=-mod=mod go install $(RIE_MODULE)@$(RIE_VERSION)

build:
	$(MVN) -B -q -DskipTests install

# The Maven suite, then a bounded schemathesis run against a sandbox (fuzz-ci, about 3 minutes).
test: venv rie
	$(MVN) -B verify
	$(MAKE) --no-print-directory fuzz-ci MVN="$(MVN)"

# The sandbox runs from its runtime class path: no test library on it (RuntimeDependenciesTest).
sandbox: venv rie
	$(MVN) -B -q -DskipTests install
	$(MVN) -B -q -pl sandbox dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$$(pwd)/$(SANDBOX_CLASSPATH)"
	java -cp "sandbox/target/classes:$$(cat $(SANDBOX_CLASSPATH))" dev.ticketing.sandbox.SandboxMain

# SAM_CLI_TELEMETRY=0: the SAM CLI would otherwise send usage data from every run.
lint: venv
	SAM_CLI_TELEMETRY=0 $(VENV)/bin/sam validate --lint --template template.yaml --region us-east-1
	$(VENV)/bin/cfn-lint template.yaml
	$(VENV)/bin/openapi-spec-validator docs/openapi.yaml

# --- Deploying (README, "Deploying") ---------------------------------------------------------------------------
# `sam build` runs the build-<LogicalId> target below once per function (BuildMethod: makefile in template.yaml),
# from the project root. SAM's own Maven builder would build each function module alone and fail on the sibling
# `shared` module; here one reactor build makes every function's shaded jar, and each target copies its jar.

# Function logical id -> Maven module under functions/.
MODULE_AuthorizerFunction = authorizer
MODULE_CreateTicketFunction = create-ticket
MODULE_GetTicketFunction = get-ticket
MODULE_ListTicketsFunction = list-tickets
MODULE_UpdateTicketFunction = update-ticket
MODULE_UpdateTicketStatusFunction = update-ticket-status
MODULE_ListActivitiesFunction = list-activities
MODULE_AddCommentFunction = add-comment
MODULE_GetInstanceFunction = get-instance
MODULE_ListTagsFunction = list-tags
MODULE_AddAttachmentFunction = add-attachment
MODULE_ListAttachmentsFunction = list-attachments
MODULE_ListActivityAttachmentsFunction = list-activity-attachments
MODULE_RunAutomationFunction = run-automation
MODULE_ListWebhooksFunction = list-webhooks
MODULE_CreateWebhookFunction = create-webhook
MODULE_DeleteWebhookFunction = delete-webhook
MODULE_ListWebhookDeliveriesFunction = list-webhook-deliveries
MODULE_RedeliverWebhookFunction = redeliver-webhook
MODULE_DispatchEventsFunction = dispatch-events
MODULE_DeliverWebhooksFunction = deliver-webhooks
FUNCTION_MODULES = $(foreach id,$(filter MODULE_%,$(.VARIABLES)),functions/$($(id)))
FUNCTION_JARS_STAMP = target/function-jars.stamp
FUNCTION_SOURCES = $(shell find pom.xml shared/pom.xml shared/src/main attachments-s3/pom.xml attachments-s3/src/main webhooks-sqs/pom.xml webhooks-sqs/src/main functions/pom.xml functions/*/pom.xml functions/*/src/main -type f)

# Rebuilt only when a source changed, so the first function's target builds all jars and the others reuse them.
$(FUNCTION_JARS_STAMP): $(FUNCTION_SOURCES)
	$(MVN) -B -q -DskipTests package -pl $(subst $(eval) ,$(comma),$(FUNCTION_MODULES)) -am
	mkdir -p $(dir $@) && touch $@

comma = ,

# Lambda's Java runtime puts every jar in lib/ on the classpath.
build-%: $(FUNCTION_JARS_STAMP)
	@test -n "$(MODULE_$*)" || { echo "No function module for $* (add MODULE_$* to the Makefile)" >&2; exit 1; }
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set; sam build sets it" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/$(MODULE_$*)/target/$(MODULE_$*)-1.0.0-SNAPSHOT-lambda.jar "$(ARTIFACTS_DIR)/lib/"

sam-build: venv
	SAM_CLI_TELEMETRY=0 $(VENV)/bin/sam build --template template.yaml

# --- Fuzzing -----------------------------------------------------------------------------------------------------
# A bounded schemathesis run against a sandbox started for it: every operation of docs/openapi.yaml, checked for
# 5xx answers and for answers the spec does not allow. FUZZ_EXAMPLES bounds the examples per operation and
# FUZZ_MAX_SECONDS the whole run.
FUZZ_VENV = .venv-fuzz
FUZZ_STAMP = $(FUZZ_VENV)/.requirements-installed
FUZZ_EXAMPLES ?= 50
FUZZ_MAX_SECONDS ?= 600

$(FUZZ_STAMP): requirements-fuzz.txt
	$(PYTHON) -m venv $(FUZZ_VENV)
	$(FUZZ_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-fuzz.txt
	touch $(FUZZ_STAMP)

# What `make test` runs: every phase, the stateful one included (OpenAPI links chain create, update, status,
# comment and read-back), within 5 minutes with the sandbox's start.
FUZZ_CI_EXAMPLES ?= 20
FUZZ_CI_MAX_SECONDS ?= 150
fuzz-ci:
	$(MAKE) --no-print-directory fuzz MVN="$(MVN)" FUZZ_EXAMPLES=$(FUZZ_CI_EXAMPLES) FUZZ_MAX_SECONDS=$(FUZZ_CI_MAX_SECONDS)

fuzz: venv $(FUZZ_STAMP)
	$(MVN) -B -q -DskipTests install
	$(MVN) -B -q -pl sandbox dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$$(pwd)/$(SANDBOX_CLASSPATH)"
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_MAX_SECONDS=$(FUZZ_MAX_SECONDS) sandbox/fuzz.sh "sandbox/target/classes:$$(cat $(SANDBOX_CLASSPATH))" $(FUZZ_VENV)/bin/schemathesis

clean:
	$(MVN) -B -q clean
	rm -rf .aws-sam .sandbox

# Also drops the Python tools, which take minutes to install again.
distclean: clean
	rm -rf $(VENV) $(FUZZ_VENV)

# Cold-start and warm-path benchmark under the Lambda runtime harness (docs/benchmarks-cold-start.md): every variant in
# fresh execution environments (emulator + Lambda's runtime client), interleaved; writes
# bench/cold-start/target/cold-start-results.md. About 4 to 5 minutes on 2 shared vCPUs; BENCH_RUNS=3 BENCH_WARM=1000
# for a quick look (BENCH_WARM=0 skips the warm series).
# BENCH_BASELINE_REF=<commit, branch or tag> also measures that commit's get-ticket, list-tickets and create-ticket as
# "before" variants in the same rounds: its tree is exported to bench/cold-start/target/baseline and its function jars
# packaged there (package, not install, so the local repository keeps this checkout's modules).
BENCH_RUNS ?= 10
BENCH_WARM ?= 5000
BENCH_BASELINE_REF ?=
BENCH_BASELINE_DIR = bench/cold-start/target/baseline
BENCH_BASELINE_MODULES = functions/get-ticket,functions/list-tickets,functions/create-ticket
bench-cold-start: venv rie
	$(MVN) -B -q -DskipTests install
ifneq ($(BENCH_BASELINE_REF),)
	rm -rf $(BENCH_BASELINE_DIR) && mkdir -p $(BENCH_BASELINE_DIR)
	git archive $(BENCH_BASELINE_REF) | tar -x -C $(BENCH_BASELINE_DIR)
	cd $(BENCH_BASELINE_DIR) && $(MVN) -B -q -DskipTests package -pl $(BENCH_BASELINE_MODULES) -am
endif
	$(MVN) -B -q -f bench/cold-start/pom.xml exec:java -Dbench.runs=$(BENCH_RUNS) -Dbench.warm=$(BENCH_WARM) \
		-Dbench.baseline=$(if $(BENCH_BASELINE_REF),$(abspath $(BENCH_BASELINE_DIR)))
