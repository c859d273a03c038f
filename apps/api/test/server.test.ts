import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import http from 'node:http'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type Runtime,
  type ServerProcess,
  serverCommand,
  startServer,
  stopServer,
} from './support/server-process.ts'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** Sends one request; `send` writes the body, all at once by default. */
function request(
  server: ServerProcess,
  path: string,
  options: http.RequestOptions = {},
  send: (req: http.ClientRequest) => void = (req) => req.end(),
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, ...options }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString()
      })
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      )
    })
    req.on('error', reject)
    send(req)
  })
}

function postNote(server: ServerProcess, title: string) {
  const body = JSON.stringify({ title })
  return request(server, '/notes', { method: 'POST', headers: json(body) }, (req) => req.end(body))
}

function json(body: string) {
  return { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const running = new Set<ServerProcess>()
async function start(runtime: Runtime, env: Record<string, string> = {}) {
  const server = await startServer(runtime, env)
  running.add(server)
  return server
}

afterEach(async () => {
  await Promise.all([...running].map((server) => stopServer(server)))
  running.clear()
})

beforeAll(() => {
  const version = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout.trim()
  const major = Number(version.slice(1).split('.')[0])
  if (!(major >= 22)) {
    throw new Error(`node on PATH is ${version}; the Node entry point needs 22 (scripts/tools.sh)`)
  }
})

describe.each<Runtime>(['bun', 'node'])('API server on %s', (runtime) => {
  let dataDir: string

  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  const databaseEnv = () => {
    dataDir = mkdtempSync(join(tmpdir(), `notes-${runtime}-`))
    return { DATABASE_PATH: join(dataDir, 'nested', 'notes.sqlite') }
  }

  it('logs where it listens, its runtime and its database', async () => {
    const env = databaseEnv()
    const server = await start(runtime, env)
    const started = server.logs.find((line) => line.msg === 'listening')
    expect(started).toMatchObject({
      runtime,
      database: env.DATABASE_PATH,
      journalMode: 'wal',
    })
    expect(typeof started?.runtimeVersion).toBe('string')
    expect(started?.url).toBe(`http://127.0.0.1:${server.port}/`)
  })

  it('answers health, readiness and CRUD over HTTP', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:' })
    expect((await request(server, '/health')).status).toBe(200)
    expect((await request(server, '/ready')).status).toBe(200)

    const created = await postNote(server, 'over http')
    expect(created.status).toBe(201)
    const id = JSON.parse(created.body).id as string
    const read = await request(server, `/notes/${id}`)
    expect(read.status).toBe(200)
    expect(JSON.parse(read.body).title).toBe('over http')
    expect(read.headers['x-request-id']).toBeTruthy()

    // Standard output is a pipe, so the last log line can arrive after its response.
    const requestLines = () => server.logs.filter((line) => line.msg === 'request')
    for (let waited = 0; requestLines().length < 4 && waited < 2000; waited += 20) await delay(20)
    expect(requestLines().map((line) => line.status)).toEqual([200, 200, 201, 200])
  })

  it('returns a JSON 404 and 413 over HTTP', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:', BODY_LIMIT: '2048' })
    const missing = await request(server, '/missing')
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body).error.code).toBe('not_found')

    const big = JSON.stringify({ title: 'x', body: 'y'.repeat(4096) })
    const tooLarge = await request(
      server,
      '/notes',
      { method: 'POST', headers: json(big) },
      (req) => req.end(big),
    )
    expect(tooLarge.status).toBe(413)
    expect(JSON.parse(tooLarge.body).error.code).toBe('payload_too_large')
  })

  it('returns the JSON 413 for any announced size', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:' })
    const socket = net.connect(server.port, '127.0.0.1')
    await once(socket, 'connect')
    let reply = ''
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString()
    })
    // 200 MiB announced, nothing sent: the response must come from the Content-Length alone.
    socket.write(
      'POST /notes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 209715200\r\n\r\n',
    )
    for (let waited = 0; !reply.includes('}}') && waited < 5000; waited += 20) await delay(20)
    socket.destroy()
    expect(reply).toMatch(/^HTTP\/1\.1 413 /)
    expect(reply.toLowerCase()).toContain('x-request-id: ')
    expect(reply).toContain('"code":"payload_too_large"')
  })

  it('keeps a note across a restart', async () => {
    const env = databaseEnv()
    const first = await start(runtime, env)
    const created = await postNote(first, 'durable')
    expect(created.status).toBe(201)
    const id = JSON.parse(created.body).id as string
    expect(await stopServer(first)).toEqual({ code: 0, signal: null })
    // A clean stop checkpoints the WAL into the database file and removes it.
    expect(existsSync(`${env.DATABASE_PATH}-wal`)).toBe(false)

    const second = await start(runtime, env)
    const read = await request(second, `/notes/${id}`)
    expect(read.status).toBe(200)
    expect(JSON.parse(read.body).title).toBe('durable')
  })

  it('finishes an in-flight request on SIGTERM, then exits 0 within 2 s', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:' })
    const body = JSON.stringify({ title: 'sent during shutdown' })
    const reply = request(server, '/notes', { method: 'POST', headers: json(body) }, (req) => {
      req.write(body.slice(0, 10))
      // The rest of the body goes out only after SIGTERM, so the request is in flight then.
      setTimeout(() => req.end(body.slice(10)), 500)
    })
    await delay(200)
    const signalled = Date.now()
    server.child.kill('SIGTERM')

    const response = await reply
    expect(response.status).toBe(201)
    expect(JSON.parse(response.body).title).toBe('sent during shutdown')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(Date.now() - signalled).toBeLessThan(2000)
  })

  it('closes an idle keep-alive connection on SIGTERM and exits 0 within 2 s', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:' })
    const agent = new http.Agent({ keepAlive: true })
    const first = await request(server, '/health', { agent })
    expect(first.status).toBe(200)
    expect(first.headers.connection).not.toBe('close')

    const signalled = Date.now()
    server.child.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(Date.now() - signalled).toBeLessThan(2000)
    agent.destroy()
  })

  it('exits 1 when a request outlasts SHUTDOWN_TIMEOUT_MS', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:', SHUTDOWN_TIMEOUT_MS: '500' })
    const body = JSON.stringify({ title: 'never finished' })
    const stuck = request(server, '/notes', { method: 'POST', headers: json(body) }, (req) => {
      // Half the body, then silence: the request stays in flight past the timeout.
      req.write(body.slice(0, 10))
    }).catch((error: Error) => error)
    await delay(200)
    const signalled = Date.now()
    server.child.kill('SIGTERM')

    expect(await server.exited).toEqual({ code: 1, signal: null })
    expect(Date.now() - signalled).toBeLessThan(2000)
    expect(server.logs.at(-1)).toMatchObject({ msg: 'stopped', exitCode: 1 })
    expect(await stuck).toBeInstanceOf(Error)
  })

  it('exits 1 at once on a second signal', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:' })
    const body = JSON.stringify({ title: 'never finished' })
    const stuck = request(server, '/notes', { method: 'POST', headers: json(body) }, (req) => {
      req.write(body.slice(0, 10))
    }).catch((error: Error) => error)
    await delay(200)
    server.child.kill('SIGTERM')
    await delay(200)
    const signalled = Date.now()
    server.child.kill('SIGINT')

    expect(await server.exited).toEqual({ code: 1, signal: null })
    expect(Date.now() - signalled).toBeLessThan(1000)
    expect(server.logs.find((line) => line.level === 'warn')?.reason).toBe('second SIGINT')
    expect(server.logs.at(-1)).toMatchObject({ msg: 'stopped', exitCode: 1 })
    expect(await stuck).toBeInstanceOf(Error)
  })

  it('ignores an upload the client aborted, and still stops at once', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:' })
    const socket = net.connect(server.port, '127.0.0.1')
    await once(socket, 'connect')
    // A complete JSON document, but shorter than the Content-Length that announced it.
    socket.write(
      'POST /notes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\n\r\n{"title":"cut short"}',
    )
    await delay(100)
    socket.destroy()
    await delay(200)

    const list = await request(server, '/notes')
    expect(JSON.parse(list.body).items).toEqual([])

    const signalled = Date.now()
    server.child.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(Date.now() - signalled).toBeLessThan(2000)
  })

  it('stops on SIGINT with exit code 0', async () => {
    const server = await start(runtime, { DATABASE_PATH: ':memory:' })
    server.child.kill('SIGINT')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(server.logs.at(-1)).toMatchObject({ msg: 'stopped', exitCode: 0 })
  })

  it('exits 1 naming each invalid variable', () => {
    const [command, ...args] = serverCommand[runtime]
    const result = spawnSync(command ?? runtime, args, {
      env: { ...process.env, PORT: 'http', LOG_LEVEL: 'chatty' },
      encoding: 'utf8',
      timeout: 10_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('PORT: must be a whole number')
    expect(result.stderr).toContain('LOG_LEVEL: ')
  })

  it('exits 1 naming DATABASE_PATH when the database cannot be opened', () => {
    dataDir = mkdtempSync(join(tmpdir(), `notes-${runtime}-`))
    const notAFolder = join(dataDir, 'file')
    writeFileSync(notAFolder, '')
    const databasePath = join(notAFolder, 'notes.sqlite')
    const [command, ...args] = serverCommand[runtime]
    const result = spawnSync(command ?? runtime, args, {
      env: { ...process.env, PORT: '0', DATABASE_PATH: databasePath },
      encoding: 'utf8',
      timeout: 10_000,
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`DATABASE_PATH=${databasePath}`)
  })
})
