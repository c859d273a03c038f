// Runs the FROM scratch image, built by scripts/images/scratch.ts from nix/contract.json, in real
// containers. No base image can be pulled on the test machines, so this image replaces the
// three Containerfiles here, because it follows the same runtime contract with Bun as PID 1.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadContract } from '../../scripts/images/contract.ts'
import { buildScratchImage, type ScratchImage } from '../../scripts/images/scratch.ts'
import { hasTool } from '../support/tools.ts'
import {
  execBun,
  podman,
  podmanAsync,
  podmanOk,
  removeContainer,
  startContainer,
  waitForHealth,
  waitForLog,
} from './podman.ts'
import { startSlowPost } from './slow-request.ts'

const contract = loadContract()
const { uid, gid } = contract.user
const stopGraceSeconds = 10

/** Converts a contract duration such as "10s" to nanoseconds, the unit of podman's inspect. */
function nanoseconds(duration: string): number {
  const match = /^(\d+)s$/.exec(duration)
  if (!match) throw new Error(`Unsupported duration ${duration}: expected whole seconds like 10s`)
  return Number(match[1]) * 1e9
}

/** Host ports 3300-3309 belong to this file; each test takes its own. */
const hostPorts = { user: 3300, volume: 3301, stop: 3302, healthcheck: 3303, os: 3304 }

describe.skipIf(!hasTool('podman'))('scratch image in podman', () => {
  let image: ScratchImage
  const containers: string[] = []
  const volumes: string[] = []

  function start(hostPort: number, options: { readOnly?: boolean; volume?: string } = {}) {
    const id = startContainer({
      image: image.imageId,
      hostPort,
      containerPort: contract.port,
      volumePath: contract.volume,
      ...options,
    })
    containers.push(id)
    return id
  }

  function createVolume(): string {
    const name = podmanOk(['volume', 'create', `notes-api-test-${process.pid}-${volumes.length}`])
    volumes.push(name)
    return name
  }

  beforeAll(async () => {
    image = await buildScratchImage({ tag: `localhost/notes-api:runtime-test-${process.pid}` })
  })

  afterAll(() => {
    for (const id of containers) removeContainer(id)
    for (const name of volumes) podman(['volume', 'rm', '--force', name])
    if (image) podman(['rmi', '--force', image.imageId])
  })

  test('image config matches the contract', () => {
    const [inspected] = JSON.parse(podmanOk(['image', 'inspect', image.imageId]))
    expect(inspected.Config.User).toBe(`${uid}:${gid}`)
    expect(inspected.Config.Entrypoint).toEqual(contract.entrypoint)
    expect(inspected.Config.StopSignal).toBe(contract.stopSignal)
    // Only Docker-format images keep HEALTHCHECK; podman reports it outside Config.
    const health = contract.healthcheck
    expect(inspected.Healthcheck.Test).toEqual(['CMD', ...health.command])
    expect(inspected.Healthcheck.Interval).toBe(nanoseconds(health.interval))
    expect(inspected.Healthcheck.Timeout).toBe(nanoseconds(health.timeout))
    expect(inspected.Healthcheck.StartPeriod).toBe(nanoseconds(health.startPeriod))
    expect(inspected.Healthcheck.Retries).toBe(health.retries)
  })

  test('serves /health as the contract user', async () => {
    const id = start(hostPorts.user)

    const response = await waitForHealth(hostPorts.user)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toBeTypeOf('object')

    const pid1 = execBun(
      id,
      `import fs from 'node:fs'
       const status = fs.readFileSync('/proc/1/status', 'utf8')
       const cmdline = fs.readFileSync('/proc/1/cmdline', 'utf8').split('\\0').filter(Boolean)
       console.log(JSON.stringify({ status, cmdline }))`,
    )
    expect(pid1.status).toBe(0)
    const { status, cmdline } = JSON.parse(pid1.stdout)
    expect(status).toMatch(new RegExp(`^Uid:\\s+${uid}\\s+${uid}\\s+${uid}\\s+${uid}$`, 'm'))
    expect(status).toMatch(new RegExp(`^Gid:\\s+${gid}\\s+${gid}\\s+${gid}\\s+${gid}$`, 'm'))
    expect(cmdline).toEqual(contract.entrypoint)
  })

  test('read-only root keeps notes in the volume', async () => {
    const id = start(hostPorts.volume, { readOnly: true, volume: createVolume() })
    const base = `http://127.0.0.1:${hostPorts.volume}`
    await waitForHealth(hostPorts.volume)

    const created = await fetch(`${base}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'before restart', body: 'written to the volume' }),
    })
    expect(created.status).toBe(201)
    const note = (await created.json()) as { id: string }

    const write = execBun(
      id,
      `import fs from 'node:fs'
       try { fs.writeFileSync('${contract.workdir}/probe', 'x'); console.log('written') }
       catch (error) { console.log(error.code) }`,
    )
    expect(write.stdout.trim()).toBe('EROFS')

    podmanOk(['restart', '--time', String(stopGraceSeconds), id])
    await waitForHealth(hostPorts.volume)

    const fetched = await fetch(`${base}/notes/${note.id}`)
    expect(fetched.status).toBe(200)
    expect(await fetched.json()).toMatchObject({ id: note.id, title: 'before restart' })
  })

  test('stop completes an in-flight request', async () => {
    const id = start(hostPorts.stop, { readOnly: true, volume: createVolume() })
    await waitForHealth(hostPorts.stop)

    const body = JSON.stringify({ title: 'in flight', body: 'sent across podman stop' })
    const request = await startSlowPost(hostPorts.stop, '/notes', body)
    const started = Date.now()
    const stop = podmanAsync(['stop', '--time', String(stopGraceSeconds), id])
    // The app logs the signal it received: after that line, the request is in flight at shutdown.
    await waitForLog(id, contract.stopSignal)
    request.finish()

    const response = await request.response
    expect(response).toMatch(/^HTTP\/1\.1 201 /)
    expect(response).toContain('"title":"in flight"')

    const stopped = await stop
    const elapsedMs = Date.now() - started
    expect(stopped.status).toBe(0)
    expect(elapsedMs).toBeLessThan((stopGraceSeconds * 1000) / 2)
    const exitCode = podmanOk(['inspect', '--format', '{{.State.ExitCode}}', id])
    expect(exitCode).toBe('0')
  })

  test('health check command passes', async () => {
    const id = start(hostPorts.healthcheck, { readOnly: true, volume: createVolume() })
    await waitForHealth(hostPorts.healthcheck)

    const [command, ...args] = contract.healthcheck.command
    const direct = podman(['exec', id, command ?? '', ...args])
    expect(direct.stderr).toBe('')
    expect(direct.status).toBe(0)
    expect(podman(['healthcheck', 'run', id]).status).toBe(0)

    // The same command fails when nothing listens, so a pass above means the server returned 200.
    const unreachable = podman(['exec', '--env', 'PORT=1', id, command ?? '', ...args])
    expect(unreachable.status).not.toBe(0)
  })

  test.each([
    { readOnly: false, hostPort: hostPorts.os },
    { readOnly: true, hostPort: hostPorts.os + 1 },
  ])('os.tmpdir and os.userInfo work (read-only: $readOnly)', async ({ readOnly, hostPort }) => {
    const id = start(hostPort, readOnly ? { readOnly, volume: createVolume() } : {})
    await waitForHealth(hostPort)

    const probe = execBun(
      id,
      `import fs from 'node:fs'
       import os from 'node:os'
       import path from 'node:path'
       const file = path.join(os.tmpdir(), 'probe')
       fs.writeFileSync(file, 'written')
       const read = fs.readFileSync(file, 'utf8')
       const mode = fs.statSync(os.tmpdir()).mode
       console.log(JSON.stringify({ read, mode, user: os.userInfo() }))`,
    )
    expect(probe.stderr).toBe('')
    expect(probe.status).toBe(0)
    const { read, mode, user } = JSON.parse(probe.stdout)
    expect(read).toBe('written')
    // World-writable with the sticky bit, as /tmp is on a host.
    expect(mode & 0o1777).toBe(0o1777)
    expect(user.uid).toBe(uid)
    expect(user.gid).toBe(gid)
    // Bun 1.3.14 takes the user name from $USER rather than /etc/passwd, which is why the
    // contract sets USER; the home directory does come from passwd.
    expect(user.username).toBe(contract.user.name)
    expect(user.homedir).toBe(contract.workdir)
  })
})
